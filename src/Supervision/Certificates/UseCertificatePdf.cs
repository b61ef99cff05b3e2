using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace ApprovalHub.Supervision.Certificates;

/// <summary>
/// Draws the electronic use-registration certificate (特种设备使用登记证) with its 使用标志 and
/// the device's QR code, as one A4 page in Chinese.
/// </summary>
public static class UseCertificatePdf
{
    private const double Margin = 56;

    /// <summary>The PDF of <paramref name="sign"/>, using <paramref name="font"/> for every character.</summary>
    public static byte[] Render(UseSign sign, CertificateFont font, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(sign);
        CertificateFont.Install(font);

        using var document = new PdfDocument();
        document.Info.Title = $"特种设备使用登记证 {sign.CertificateNumber}";
        document.Info.Subject = sign.EquipmentCode;
        document.Info.Creator = "ApprovalHub";
        document.Info.CreationDate = issuedAt.UtcDateTime;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            Draw(graphics, sign, page.Width.Point);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Draw(XGraphics g, UseSign sign, double width)
    {
        var title = new XFont(CertificateFont.FamilyName, 24, XFontStyleEx.Bold);
        var heading = new XFont(CertificateFont.FamilyName, 14, XFontStyleEx.Bold);
        var text = new XFont(CertificateFont.FamilyName, 11);
        var small = new XFont(CertificateFont.FamilyName, 9);
        var red = new XSolidBrush(XColor.FromArgb(178, 34, 34));

        g.DrawRectangle(new XPen(red.Color, 2), Margin - 16, Margin - 16, width - (2 * (Margin - 16)), 760);
        g.DrawString("特种设备使用登记证", title, red, new XRect(0, Margin, width, 32), XStringFormats.TopCenter);
        g.DrawString($"编号：{sign.CertificateNumber}", heading, XBrushes.Black, new XRect(0, Margin + 40, width, 20), XStringFormats.TopCenter);

        var y = Margin + 90;
        foreach (var (label, value) in Fields(sign))
        {
            g.DrawString(label, text, XBrushes.DimGray, new XPoint(Margin, y));
            g.DrawString(value, text, XBrushes.Black, new XPoint(Margin + 110, y));
            y += 22;
        }

        if (sign.FurtherEquipmentCodes.Count > 0)
        {
            g.DrawString($"同证登记设备（{sign.FurtherEquipmentCodes.Count + 1} 台）：", text, XBrushes.DimGray, new XPoint(Margin, y));
            y += 18;
            foreach (var line in sign.FurtherEquipmentCodes.Take(40).Chunk(4))
            {
                g.DrawString(string.Join("  ", line), small, XBrushes.Black, new XPoint(Margin + 16, y));
                y += 14;
            }

            if (sign.FurtherEquipmentCodes.Count > 160)
            {
                g.DrawString($"……另 {sign.FurtherEquipmentCodes.Count - 160} 台，见登记系统", small, XBrushes.Black, new XPoint(Margin + 16, y));
                y += 14;
            }
        }

        // The 使用标志: a framed block with the QR code, as it is printed for the device.
        var signTop = Math.Max(y + 24, 470);
        g.DrawRectangle(new XPen(XColors.SteelBlue, 1.5), Margin, signTop, width - (2 * Margin), 250);
        g.DrawString("特种设备使用标志", heading, XBrushes.SteelBlue, new XPoint(Margin + 16, signTop + 28));
        DrawQrCode(g, sign.PublicUrl, width - Margin - 176, signTop + 16, 160);

        var signY = signTop + 56;
        foreach (var line in SignLines(sign))
        {
            g.DrawString(line, text, XBrushes.Black, new XPoint(Margin + 16, signY));
            signY += 20;
        }

        g.DrawString("扫码查询设备状态", small, XBrushes.DimGray, new XPoint(width - Margin - 144, signTop + 192));
        g.DrawString(sign.PublicUrl, small, XBrushes.DimGray, new XPoint(Margin + 16, signTop + 232));
        g.DrawString($"{sign.RegistrationAuthority}（登记机关）    发证日期：{Date(sign.IssuedOn)}", text, XBrushes.Black, new XPoint(Margin, signTop + 290));
    }

    // The QR code as vector squares, one per dark module: sharp at any print size, and no image
    // codec needed (PDFsharp's core build reads no indexed PNG).
    private static void DrawQrCode(XGraphics g, string url, double x, double y, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules[row].Length; column++)
            {
                if (modules[row][column])
                {
                    g.DrawRectangle(XBrushes.Black, x + (column * cell), y + (row * cell), cell + 0.05, cell + 0.05);
                }
            }
        }
    }

    private static IEnumerable<(string Label, string Value)> Fields(UseSign sign)
    {
        yield return ("使用单位", sign.UserOrganisation);
        yield return ("设备使用地点", sign.Address);
        yield return ("设备类别", sign.Category);
        yield return ("设备品种代码", sign.CatalogCode);
        yield return ("设备代码", sign.EquipmentCode);
        if (sign.RescueCode is { } rescue)
        {
            yield return ("应急救援识别码", rescue);
        }

        yield return ("登记机关", sign.RegistrationAuthority);
        yield return ("发证日期", Date(sign.IssuedOn));
    }

    private static IEnumerable<string> SignLines(UseSign sign)
    {
        yield return $"登记证编号：{sign.CertificateNumber}";
        yield return $"设备代码：{sign.EquipmentCode}";
        yield return $"使用单位：{sign.UserOrganisation}";
        yield return $"下次检验日期：{(sign.NextInspectionOn is { } next ? Date(next) : "待定")}";
        if (sign.MaintenanceOrganisation is { } maintainer)
        {
            yield return $"维保单位：{maintainer}";
        }

        if (sign.RescueCode is { } rescue)
        {
            yield return $"救援识别码：{rescue}";
        }

        yield return $"投诉举报/救援电话：{sign.Hotline}";
    }

    private static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
