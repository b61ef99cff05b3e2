using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Workflows.Forms;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>The sample submissions the unit journeys apply with are valid for every unit's form; otherwise a journey would test the sample.</summary>
public sealed class FormSamplesTests
{
    public static TheoryData<string> Forms()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Path("definitions", "forms"), "*.form").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_unit_form_gets_a_sample_the_server_accepts(string form)
    {
        var schema = FormSchema.Load(RepositoryFiles.Path("definitions", "forms", form));

        var result = FormValidator.Validate(schema, FormSamples.Fill(schema));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")));
    }
}
