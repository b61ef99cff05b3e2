using ApprovalHub.Supervision.Certificates;

namespace ApprovalHub.Supervision.Tests.Handlers;

/// <summary>The certificate font is found on the system, taken out of a collection, and refused with its fix when unusable.</summary>
public sealed class CertificateFontTests
{
    [Fact]
    public void The_first_installed_truetype_cjk_font_is_used_and_a_collection_gives_its_first_face()
    {
        // scripts/test.sh installs fonts-wqy-microhei, a collection (.ttc) with TrueType outlines.
        var font = CertificateFont.Locate(configuredPath: null);

        Assert.Contains(font.Path, CertificateFont.DefaultCandidates);
        var face = font.GetFont(CertificateFont.FamilyName)!;
        Assert.Equal([0x00, 0x01, 0x00, 0x00], face[..4]);
        Assert.True(CertificateFont.HasTrueTypeOutlines(face));
    }

    [Fact]
    public void A_missing_configured_font_is_named_and_postscript_outlines_are_refused()
    {
        var missing = Assert.Throws<CertificateFontMissingException>(() => CertificateFont.Locate("/nowhere/font.ttf"));
        Assert.Contains("/nowhere/font.ttf", missing.Message, StringComparison.Ordinal);

        // An OpenType font with a CFF table and no glyf table, as Noto Sans CJK is.
        byte[] cff = [0x4F, 0x54, 0x54, 0x4F, 0x00, 0x01, 0, 0, 0, 0, 0, 0, (byte)'C', (byte)'F', (byte)'F', (byte)' ', 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 0];
        Assert.False(CertificateFont.HasTrueTypeOutlines(cff));
        var path = Path.Combine(Path.GetTempPath(), $"cff-{Guid.NewGuid():N}.otf");
        File.WriteAllBytes(path, cff);
        try
        {
            var refused = Assert.Throws<CertificateFontMissingException>(() => CertificateFont.Locate(path));
            Assert.Contains("fonts-wqy-microhei", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
