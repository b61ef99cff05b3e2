using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace ApprovalHub.Supervision.Certificates;

/// <summary>
/// The Chinese font of the e-certificates, taken from the system (fonts are not shipped in the
/// repository). PDFsharp embeds only the glyphs a certificate uses when the font has TrueType
/// outlines; a font with PostScript (CFF) outlines, such as Noto Sans CJK, would be embedded whole
/// (13.6 MB per certificate, measured) and labelled as TrueType, so such fonts are not used.
/// </summary>
public sealed class CertificateFont : IFontResolver
{
    /// <summary>The family name the renderer asks for.</summary>
    public const string FamilyName = "ApprovalHub CJK";

    /// <summary>
    /// Where Debian puts CJK fonts with TrueType outlines: fonts-wqy-microhei (first, the widest
    /// GB 18030 coverage), fonts-droid-fallback, fonts-wqy-zenhei, fonts-arphic-uming.
    /// </summary>
    public static IReadOnlyList<string> DefaultCandidates { get; } =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts-droid-fallback/truetype/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
    ];

    private static readonly Lock Gate = new();
    private static CertificateFont? _installed;

    private readonly byte[] _face;

    private CertificateFont(string path, byte[] face)
    {
        Path = path;
        _face = face;
    }

    /// <summary>The file the face came from.</summary>
    public string Path { get; }

    /// <summary>
    /// Finds the font: <paramref name="configuredPath"/> when set (a .ttf, or a .ttc whose first face
    /// is used), else the first of <see cref="DefaultCandidates"/> that exists.
    /// </summary>
    /// <exception cref="CertificateFontMissingException">No usable font is installed.</exception>
    public static CertificateFont Locate(string? configuredPath)
    {
        var candidates = string.IsNullOrWhiteSpace(configuredPath) ? DefaultCandidates : [configuredPath];
        foreach (var path in candidates)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            var face = FirstFace(File.ReadAllBytes(path), path);
            if (!HasTrueTypeOutlines(face))
            {
                throw new CertificateFontMissingException(
                    $"The certificate font {path} has PostScript (CFF) outlines, which PDFsharp cannot subset. " +
                    "Use a CJK font with TrueType outlines (Debian: apt-get install fonts-wqy-microhei).");
            }

            return new CertificateFont(path, face);
        }

        throw new CertificateFontMissingException(
            string.IsNullOrWhiteSpace(configuredPath)
                ? $"No Chinese font for the e-certificates is installed (looked for {string.Join(", ", DefaultCandidates)}). " +
                  "Install one (Debian: apt-get install fonts-wqy-microhei) or set Registry:CertificateFontPath to a TrueType CJK font."
                : $"Registry:CertificateFontPath names {configuredPath}, which does not exist.");
    }

    /// <summary>
    /// Makes this font PDFsharp's resolver. PDFsharp keeps one resolver per process and refuses a
    /// second, so the first font located wins for the life of the process.
    /// </summary>
    public static void Install(CertificateFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        lock (Gate)
        {
            if (_installed is null)
            {
                GlobalFontSettings.FontResolver = font;
                _installed = font;
            }
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // One face serves every style: bold is simulated, which Chinese certificates rarely need.
        new(FamilyName, bold, italic);

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => _face;

    /// <summary>The first face of a TrueType collection as a stand-alone font; a plain font as it is.</summary>
    internal static byte[] FirstFace(byte[] file, string path)
    {
        var span = file.AsSpan();
        if (span.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(span) != 0x74746366)
        {
            return file;
        }

        // 'ttcf' header: version, face count, then one offset per face to its table directory.
        try
        {
            var directory = (int)BinaryPrimitives.ReadUInt32BigEndian(span[12..]);
            var tableCount = BinaryPrimitives.ReadUInt16BigEndian(span[(directory + 4)..]);
            var headerLength = 12 + (16 * tableCount);
            var tables = new (uint Tag, uint Checksum, int Offset, int Length)[tableCount];
            var total = headerLength;
            for (var i = 0; i < tableCount; i++)
            {
                var record = span[(directory + 12 + (16 * i))..];
                tables[i] = (BinaryPrimitives.ReadUInt32BigEndian(record), BinaryPrimitives.ReadUInt32BigEndian(record[4..]),
                    checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..])), checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..])));
                total += (tables[i].Length + 3) & ~3;
            }

            // The face's tables are copied one after the other (4-byte aligned) and the directory
            // rewritten to their new offsets; checksums stay valid because table bytes do not change.
            var face = new byte[total];
            span.Slice(directory, 12).CopyTo(face);
            var position = headerLength;
            for (var i = 0; i < tableCount; i++)
            {
                var (tag, checksum, offset, length) = tables[i];
                var record = face.AsSpan(12 + (16 * i));
                BinaryPrimitives.WriteUInt32BigEndian(record, tag);
                BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
                BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
                BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
                span.Slice(offset, length).CopyTo(face.AsSpan(position));
                position += (length + 3) & ~3;
            }

            return face;
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            throw new CertificateFontMissingException($"The font collection {path} is damaged: {ex.Message}");
        }
    }

    /// <summary>True when the font has a 'glyf' table (TrueType outlines), not 'CFF '.</summary>
    internal static bool HasTrueTypeOutlines(byte[] font)
    {
        var span = font.AsSpan();
        if (span.Length < 12)
        {
            return false;
        }

        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        for (var i = 0; i < tableCount && 12 + (16 * i) + 4 <= span.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32BigEndian(span[(12 + (16 * i))..]) == 0x676C7966)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>No usable Chinese font for the e-certificates: a deployment problem, named with its fix.</summary>
public sealed class CertificateFontMissingException(string message) : InvalidOperationException(message);
