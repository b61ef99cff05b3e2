using System.Globalization;

namespace ApprovalHub.Admin.Blazor.Localization;

/// <summary>
/// The UI's languages. zh-CN is the default and the neutral resources (every feature's
/// <c>*.resx</c> without a culture suffix) are written in Chinese; en-US lives in
/// <c>*.en-US.resx</c> beside it.
/// </summary>
public static class SupportedCultures
{
    /// <summary>简体中文, the default.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>English.</summary>
    public const string English = "en-US";

    /// <summary>Every supported culture name, default first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Chinese, English];

    /// <summary>The supported culture with this name, or the default.</summary>
    public static CultureInfo Resolve(string? name) =>
        CultureInfo.GetCultureInfo(Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) ?? Chinese);
}
