using System.Text;
using System.Text.RegularExpressions;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Tests.Support;

namespace ApprovalHub.Workflows.Tests.Parsing;

/// <summary>A bad or hostile file is a diagnostic, never an exception, a hang or a file read.</summary>
public partial class HardeningTests
{
    [Fact]
    public void Billion_laughs_is_refused_without_expanding_entities()
    {
        var lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            lol.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        }

        lol.Append("]><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&lol9;</definitions>");

        var result = BpmnParser.Parse(lol.ToString());

        Assert.Null(result.Document);
        Assert.Equal(DiagnosticCodes.DtdProhibited, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void External_entity_is_refused_and_nothing_is_read()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">&secret;</process></definitions>
            """;

        var result = BpmnParser.Parse(xxe);

        Assert.Equal(DiagnosticCodes.DtdProhibited, Assert.Single(result.Diagnostics).Code);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("root:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_over_10_MB_is_refused_as_text_and_as_a_stream()
    {
        var huge = Bpmn.Process($"<documentation>{new string('x', 11 * 1024 * 1024)}</documentation><startEvent id=\"s\"/>");

        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(BpmnParser.Parse(huge).Diagnostics).Code);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(huge));
        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(BpmnParser.Parse(stream).Diagnostics).Code);
    }

    [Fact]
    public void A_non_seekable_stream_over_the_limit_is_refused_while_reading()
    {
        var huge = Bpmn.Process($"<documentation>{new string('x', 11 * 1024 * 1024)}</documentation><startEvent id=\"s\"/>");
        using var stream = new NonSeekableStream(new MemoryStream(Encoding.UTF8.GetBytes(huge)));

        var result = BpmnParser.Parse(stream);

        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Deep_nesting_is_refused_without_overflowing_the_stack()
    {
        var deep = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
                   + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</definitions>";

        var result = BpmnParser.Parse(deep);

        Assert.Equal(DiagnosticCodes.NestingTooDeep, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("not xml at all")]
    [InlineData("<definitions")]
    [InlineData("<?xml version=\"1.0\"?>")]
    [InlineData("<a></b>")]
    [InlineData("\u0000\u0001\u0002")]
    public void Garbage_is_a_malformed_xml_diagnostic(string text)
    {
        var result = BpmnParser.Parse(text);

        Assert.True(result.HasErrors);
        Assert.Null(result.Document);
        Assert.Equal(DiagnosticCodes.MalformedXml, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Random_bytes_are_a_diagnostic()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            using var stream = new MemoryStream(bytes);

            var result = BpmnParser.Parse(stream);

            Assert.True(result.HasErrors);
        }
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic()
    {
        var result = BpmnParser.ParseFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".bpmn"));

        Assert.Equal(DiagnosticCodes.MalformedXml, Assert.Single(result.Diagnostics).Code);
    }

    public static TheoryData<string> ConformanceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Miwg, "reference"), "*.bpmn").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>Half-written files: every model cut at 40 places must parse to diagnostics without throwing.</summary>
    [Theory]
    [MemberData(nameof(ConformanceFiles))]
    public void Truncated_files_never_throw(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Miwg, "reference", file));
        for (var cut = 1; cut <= 40; cut++)
        {
            var result = BpmnParser.Parse(text[..(text.Length * cut / 41)]);

            Assert.True(result.HasErrors, $"cut {cut} of {file} gave no error");
        }
    }

    /// <summary>
    /// Mutated models: ids swapped, references and attributes dropped, elements duplicated. Whatever
    /// comes out must be diagnostics (and a writable model), never an exception.
    /// </summary>
    [Theory]
    [MemberData(nameof(ConformanceFiles))]
    public void Mutated_files_never_throw(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Miwg, "reference", file));
        var attributes = AttributeValue().Matches(text).ToList();
        var random = new Random(file.GetHashCode(StringComparison.Ordinal));
        for (var round = 0; round < 60 && attributes.Count > 1; round++)
        {
            var a = attributes[random.Next(attributes.Count)];
            var b = attributes[random.Next(attributes.Count)];
            var mutated = (round % 3) switch
            {
                0 => text[..a.Groups["value"].Index] + b.Groups["value"].Value + text[(a.Groups["value"].Index + a.Groups["value"].Length)..],
                1 => text[..a.Index] + text[(a.Index + a.Length)..],
                _ => DuplicateElementAround(text, a.Index),
            };

            var result = BpmnParser.Parse(mutated);
            if (result.Document is not null)
            {
                Assert.NotEmpty(BpmnWriter.Write(result.Document));
            }
        }
    }

    private static string DuplicateElementAround(string text, int index)
    {
        var start = text.LastIndexOf('<', index);
        var end = text.IndexOf("/>", index, StringComparison.Ordinal);
        return start < 0 || end < 0 || text[start + 1] is '/' or '?' or '!'
            ? text
            : text[..(end + 2)] + text[start..(end + 2)] + text[(end + 2)..];
    }

    [GeneratedRegex("""\s[\w:]+="(?<value>[^"]*)""")]
    private static partial Regex AttributeValue();

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
