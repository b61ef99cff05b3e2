using ApprovalHub.Workflows.Forms;

namespace ApprovalHub.Supervision.Cases.Catalog;

/// <summary>
/// The 9 steps and 34 business units of definitions/catalog.yaml, and the forms they use, loaded
/// once. The case API, the officials' queues and the enterprise portal all read it.
/// </summary>
public interface IUnitCatalog
{
    /// <summary>The steps in order (1–9).</summary>
    IReadOnlyList<CatalogStep> Steps { get; }

    /// <summary>The units in code order.</summary>
    IReadOnlyList<CatalogUnit> Units { get; }

    /// <summary>A unit by its code ("11"), or null.</summary>
    CatalogUnit? FindUnit(string code);

    /// <summary>The unit whose BPMN process this is, or null (step processes and others are no unit).</summary>
    CatalogUnit? FindByProcessKey(string processKey);

    /// <summary>A step by its code ("coding"), or null.</summary>
    CatalogStep? FindStep(string code);

    /// <summary>The step a unit belongs to.</summary>
    CatalogStep StepOf(CatalogUnit unit);

    /// <summary>The step whose BPMN process this is, or whose unit's process it is; null for other processes.</summary>
    CatalogStep? FindStepByProcessKey(string processKey);

    /// <summary>A form schema by key (<c>decision</c>, <c>unit-11-use-registration</c>), or null.</summary>
    FormSchema? FindForm(string formKey);

    /// <summary>The form-js JSON of a form, as the renderer needs it, or null.</summary>
    string? FormJson(string formKey);
}
