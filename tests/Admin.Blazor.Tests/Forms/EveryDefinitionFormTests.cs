using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Admin.Blazor.Tests.Support;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Forms;

/// <summary>Every form under definitions/forms renders, editable and read-only, with every field labelled.</summary>
public sealed class EveryDefinitionFormTests : FormRendererTestBase
{
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
    public void EveryForm_ShouldRenderWithEveryFieldLabelledAndUniqueIds(string file)
    {
        var schema = File.ReadAllText(Path.Combine(RepositoryFiles.Root(), "definitions", "forms", file));
        var definition = FormDefinition.Parse(schema);

        var form = RenderForm(schema);

        Assert.Empty(form.FindAll(".ah-form-schema-error"));
        Assert.Equal(definition.Title, form.Find("form").GetAttribute("aria-label"));
        var ids = form.FindAll("[id]").Select(e => e.Id!).Where(id => id.StartsWith(form.Find("form").Id!, StringComparison.Ordinal)).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        // Each label points at an element that exists, or names a group that refers to it.
        foreach (var label in form.FindAll("label[for]").Where(l => !string.IsNullOrEmpty(l.GetAttribute("for"))))
        {
            Assert.NotNull(form.Find($"[id='{label.GetAttribute("for")}']"));
        }

        foreach (var group in form.FindAll("[role='group'][aria-labelledby], [role='radiogroup'][aria-labelledby]"))
        {
            Assert.False(string.IsNullOrWhiteSpace(form.Find($"[id='{group.GetAttribute("aria-labelledby")}']").TextContent));
        }

        var fields = definition.Nodes.SelectMany(Flatten).Count(n => n.IsField);
        Assert.Equal(fields, form.FindAll(".ah-form-field").Count);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void EveryForm_ShouldRenderReadOnly_WithTheDataOfAGoodSubmission(string file)
    {
        var schema = File.ReadAllText(Path.Combine(RepositoryFiles.Root(), "definitions", "forms", file));
        var definition = FormDefinition.Parse(schema);
        var data = SubmissionGenerator.Level(definition.Nodes, new Random(11), good: true);

        var form = RenderForm(schema, value: data.ToJsonString(), readOnly: true);

        Assert.Empty(form.FindAll("input, textarea"));
        Assert.Empty(form.FindAll(".ah-form-dropped"));
        Assert.NotEmpty(form.FindAll(".ah-form-readonly-field"));
        Assert.Equal(Json(data), Json(form.Instance.Submission()));
    }

    [Fact]
    public void ASchemaTheServerRefuses_ShouldShowWhyInsteadOfAForm()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "iframe", "url": "https://example.com" }"""));

        Assert.Empty(form.FindAll("form"));
        Assert.Contains("iframe", form.Find(".ah-form-schema-error").TextContent, StringComparison.Ordinal);
    }

    private static IEnumerable<FormNode> Flatten(FormNode node) => [node, .. node.Children.SelectMany(Flatten)];
}
