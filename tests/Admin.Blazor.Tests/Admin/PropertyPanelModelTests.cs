using ApprovalHub.Admin.Blazor.Components.Admin.Designer;

namespace ApprovalHub.Admin.Blazor.Tests.Admin;

/// <summary>The designer's property panel logic: which ah: properties an element has, how values are checked, 会签/或签/依次.</summary>
public sealed class PropertyPanelModelTests
{
    private static SelectedElement UserTask(LoopSettings? loop = null) =>
        new("Task_accept", "bpmn:UserTask", "受理", new Dictionary<string, string> { ["ah:dueIn"] = "P5WD", ["ah:candidateGroups"] = "regulator.city" }, Loop: loop);

    [Fact]
    public void Fields_ShouldFollowTheExtensionsOfEachElementType()
    {
        Assert.Equal(
            ["name", "ah:assignee", "ah:candidateGroups", "ah:candidateUsers", "ah:formKey", "ah:dueIn", "ah:priority", "ah:async"],
            PropertyPanelModel.FieldsFor(UserTask()).Select(f => f.Key));
        Assert.Equal(["name", "ah:type", "ah:retry", "ah:resultVariable", "ah:async"],
            PropertyPanelModel.FieldsFor(new SelectedElement("s", "bpmn:ServiceTask", null, new Dictionary<string, string>())).Select(f => f.Key));
        Assert.Equal(["name", "ah:escalates", "ah:async"],
            PropertyPanelModel.FieldsFor(new SelectedElement("b", "bpmn:BoundaryEvent", null, new Dictionary<string, string>(), Trigger: "timer")).Select(f => f.Key));
        Assert.Equal(["name", "ah:correlationKey", "ah:async"],
            PropertyPanelModel.FieldsFor(new SelectedElement("m", "bpmn:IntermediateCatchEvent", null, new Dictionary<string, string>(), Trigger: "message")).Select(f => f.Key));
        Assert.Equal(["name"], PropertyPanelModel.FieldsFor(new SelectedElement("f", "bpmn:SequenceFlow", null, new Dictionary<string, string>())).Select(f => f.Key));
        Assert.True(new PropertyPanelModel(UserTask()).HasApprovalMode);
        Assert.False(new PropertyPanelModel(new SelectedElement("s", "bpmn:ServiceTask", null, new Dictionary<string, string>())).HasApprovalMode);
    }

    [Theory]
    [InlineData("ah:dueIn", "P3WD")]
    [InlineData("ah:dueIn", "PT4H")]
    [InlineData("ah:dueIn", "${deadline}")]
    [InlineData("ah:priority", "-2")]
    public void Set_ShouldPassAValidValueOnToTheDiagram(string key, string value)
    {
        var model = new PropertyPanelModel(UserTask());

        var update = model.Set(key, value);

        Assert.NotNull(update);
        Assert.Equal(("Task_accept", value), (update.ElementId, update.Attributes[key]));
        Assert.Empty(model.Errors);
    }

    [Theory]
    [InlineData("ah:dueIn", "3 days", PropertyError.NotDuration, "P3WD")]
    [InlineData("ah:dueIn", "P1W2WD", PropertyError.NotDuration, "P10WD")]
    [InlineData("ah:priority", "high", PropertyError.NotInteger, "1")]
    public void Set_ShouldKeepAnInvalidValueForCorrectionAndSendNothing(string key, string value, PropertyError error, string corrected)
    {
        var model = new PropertyPanelModel(UserTask());

        Assert.Null(model.Set(key, value));
        Assert.Equal(error, model.Errors[key]);
        Assert.Equal(value, model.Value(key));

        Assert.NotNull(model.Set(key, corrected));
        Assert.False(model.Errors.ContainsKey(key));
    }

    [Theory]
    [InlineData("R5/PT1M", true)]
    [InlineData("R3/P1WD", true)]
    [InlineData("R0/PT1M", false)]
    [InlineData("5/PT1M", false)]
    [InlineData("R5/soon", false)]
    public void Set_ShouldCheckRetryPolicies(string value, bool valid)
    {
        var model = new PropertyPanelModel(new SelectedElement("s", "bpmn:ServiceTask", null, new Dictionary<string, string>()));

        Assert.Equal(valid, model.Set("ah:retry", value) is not null);
    }

    [Fact]
    public void Set_ShouldNormaliseListsRemoveBlankValuesAndWriteFlagsAsTrueOrNothing()
    {
        var model = new PropertyPanelModel(UserTask());

        Assert.Equal("regulator.county,regulator.city", model.Set("ah:candidateGroups", " regulator.county , ,regulator.city ")!.Attributes["ah:candidateGroups"]);
        Assert.Null(model.Set("ah:formKey", "  ")!.Attributes["ah:formKey"]);
        Assert.Equal("true", model.Set("ah:async", "true")!.Attributes["ah:async"]);
        Assert.Null(model.Set("ah:async", null)!.Attributes["ah:async"]);
        Assert.Throws<ArgumentException>(() => model.Set("ah:type", "x"));
    }

    [Fact]
    public void ApprovalModes_ShouldTranslateToMultiInstanceSettingsAndBack()
    {
        Assert.Equal(new LoopUpdate(false, false, "${signers}", "signer"), PropertyPanelModel.LoopFor(ApprovalMode.AllSign, "${signers}", "signer"));
        Assert.Equal(new LoopUpdate(false, false, "${signers}", "signer", "${nrOfCompletedInstances >= 1}"), PropertyPanelModel.LoopFor(ApprovalMode.AnySign, "${signers}", "signer"));
        Assert.Equal(new LoopUpdate(false, true, "${signers}", "signer"), PropertyPanelModel.LoopFor(ApprovalMode.Sequential, "${signers}", "signer"));
        Assert.True(PropertyPanelModel.LoopFor(ApprovalMode.Single, null, null).Remove);

        Assert.Equal(ApprovalMode.Single, PropertyPanelModel.ModeOf(null));
        Assert.Equal(ApprovalMode.AllSign, PropertyPanelModel.ModeOf(new LoopSettings(false, "${signers}", "signer", null)));
        Assert.Equal(ApprovalMode.AnySign, PropertyPanelModel.ModeOf(new LoopSettings(false, "${signers}", "signer", "${approved}")));
        Assert.Equal(ApprovalMode.Sequential, PropertyPanelModel.ModeOf(new LoopSettings(true, "${signers}", "signer", null)));
        var model = new PropertyPanelModel(UserTask(new LoopSettings(true, "${chain}", "approver", null)));
        Assert.Equal((ApprovalMode.Sequential, "${chain}", "approver"), (model.Mode, model.Collection, model.ElementVariable));
    }

    [Fact]
    public void SetMode_ShouldNeedTheApproverListForEveryMultiInstanceMode()
    {
        var model = new PropertyPanelModel(UserTask());

        Assert.Null(model.SetMode(ApprovalMode.AllSign, " ", "signer"));
        Assert.Equal(PropertyError.CollectionRequired, model.Errors["ah:collection"]);

        var update = model.SetMode(ApprovalMode.AnySign, "${signers}", "signer");
        Assert.Equal(PropertyPanelModel.AnySignCondition, update!.Loop!.CompletionCondition);
        Assert.Empty(model.Errors);
        Assert.True(model.SetMode(ApprovalMode.Single, null, null)!.Loop!.Remove);
    }
}
