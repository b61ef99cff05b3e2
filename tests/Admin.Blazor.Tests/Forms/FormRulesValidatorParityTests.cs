using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Admin.Blazor.Tests.Support;
using ApprovalHub.Workflows.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Tests.Forms;

/// <summary>
/// The renderer's checks and the server's FormValidator must agree: on random submissions (good
/// values, bad values, wrong shapes, unknown keys) to every form, both report the same errors at
/// the same paths. The Chinese messages are the server's own, word for word.
/// </summary>
public sealed class FormRulesValidatorParityTests : AdminTestBase
{
    private const int SubmissionsPerForm = 150;

    public static TheoryData<string> Forms()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepositoryFiles.Forms())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_definitions_form_is_checked_like_the_server_checks_it(string form)
    {
        AssertParity(File.ReadAllText(Path.Combine(RepositoryFiles.Root(), "definitions", "forms", form)), seed: form.Length * 7919 + form[^6]);
    }

    [Fact]
    public void Every_rule_and_shape_of_the_sample_form_is_checked_like_the_server_checks_it()
    {
        AssertParity(FormTestSchemas.Everything, seed: 7);
    }

    [Fact]
    public void A_valid_submission_passes_both()
    {
        var validator = new FormRulesValidator(Services.GetRequiredService<IStringLocalizer<FormsText>>());
        var data = (JsonObject)JsonNode.Parse(FormTestSchemas.EverythingValid)!;

        Assert.Empty(validator.Validate(FormDefinition.Parse(FormTestSchemas.Everything), data));
        Assert.True(FormValidator.Validate(FormSchema.Parse(FormTestSchemas.Everything), data).IsValid);
    }

    private void AssertParity(string schemaJson, int seed)
    {
        var validator = new FormRulesValidator(Services.GetRequiredService<IStringLocalizer<FormsText>>());
        var definition = FormDefinition.Parse(schemaJson);
        var schema = FormSchema.Parse(schemaJson);
        var random = new Random(seed);
        var invalid = 0;
        for (var i = 0; i < SubmissionsPerForm; i++)
        {
            var good = i % 3 == 0;
            var submission = SubmissionGenerator.Level(definition.Nodes, random, good);
            var server = FormValidator.Validate(schema, submission).Errors
                .Select(e => $"{e.Path}: {e.Message}").Order(StringComparer.Ordinal).ToList();
            var client = validator.Validate(definition, submission)
                .SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).Order(StringComparer.Ordinal).ToList();

            Assert.True(server.SequenceEqual(client), $"submission {submission.ToJsonString()}\nserver: {string.Join(" | ", server)}\nclient: {string.Join(" | ", client)}");
            Assert.True(!good || server.Count == 0, $"a good submission failed: {submission.ToJsonString()}: {string.Join(" | ", server)}");
            invalid += server.Count > 0 ? 1 : 0;
        }

        // Both outcomes must occur, or the comparison proves little.
        Assert.InRange(invalid, 1, SubmissionsPerForm - 1);
    }
}
