namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>An action of the task page that asks for input first (a comment, a person, a step).</summary>
public enum TaskAction
{
    /// <summary>退回 to an earlier step: step and reason required.</summary>
    Return,

    /// <summary>转办: person and reason required.</summary>
    Transfer,

    /// <summary>委派: person and reason required.</summary>
    Delegate,

    /// <summary>The delegate hands the task back: a note.</summary>
    Resolve,

    /// <summary>加签: a person.</summary>
    AddSigner,

    /// <summary>减签: one of the other signers.</summary>
    RemoveSigner,

    /// <summary>抄送: people and a note.</summary>
    CarbonCopy,

    /// <summary>催办: a note.</summary>
    Urge,

    /// <summary>Completing a task without a form: a note.</summary>
    Complete,
}
