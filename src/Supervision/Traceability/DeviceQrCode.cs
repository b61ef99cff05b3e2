using QRCoder;

namespace ApprovalHub.Supervision.Traceability;

/// <summary>
/// The QR code of a device: it encodes the public URL <c>{base}/q/{设备代码}</c>, so any phone camera
/// opens the public facts page. Error correction level Q (25 %) survives a scuffed use sign.
/// </summary>
public static class DeviceQrCode
{
    /// <summary>The public URL of a device.</summary>
    public static string PublicUrl(string publicBaseUrl, string equipmentCode)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentException.ThrowIfNullOrEmpty(equipmentCode);
        return $"{publicBaseUrl.TrimEnd('/')}/q/{Uri.EscapeDataString(equipmentCode)}";
    }

    /// <summary>A PNG of the QR code of <paramref name="url"/>.</summary>
    public static byte[] Png(string url, int pixelsPerModule = 8)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>An SVG of the QR code of <paramref name="url"/>.</summary>
    public static string Svg(string url, int pixelsPerModule = 8)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }
}
