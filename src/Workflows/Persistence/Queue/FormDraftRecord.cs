namespace ApprovalHub.Workflows.Persistence.Queue;

/// <summary>
/// A form someone began and saved to finish later (<c>wf_form_drafts</c>): one per user and
/// <see cref="OwnerKey"/> (the application layer's unit code). The data is kept as submitted, not
/// validated: a draft may be incomplete; the submission is validated when it is sent.
/// </summary>
public sealed class FormDraftRecord
{
    /// <summary>Longest <see cref="OwnerKey"/>.</summary>
    public const int MaxOwnerKeyLength = 64;

    public required Guid Id { get; init; }

    /// <summary>The user it belongs to.</summary>
    public required string UserId { get; init; }

    /// <summary>What the form is for (a unit code, "11").</summary>
    public required string OwnerKey { get; init; }

    /// <summary>The form data, a JSON object.</summary>
    public required string Data { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }
}
