namespace ApprovalHub.Workflows.Runtime.Records;

/// <summary>
/// A case copied to someone for information (抄送): it appears in their "copied to me" queue until
/// they read it. It asks nothing of them and changes nothing in the case.
/// </summary>
public sealed class CarbonCopyRecord
{
    public required Guid Id { get; init; }

    public required Guid InstanceId { get; init; }

    /// <summary>The task it was copied from, if any.</summary>
    public Guid? TaskId { get; init; }

    public required string ProcessKey { get; init; }

    public string? BusinessKey { get; init; }

    /// <summary>The case's region, so the copy can be scoped like the case.</summary>
    public string? RegionCode { get; init; }

    /// <summary>Who receives it.</summary>
    public required string UserId { get; init; }

    /// <summary>Who copied it.</summary>
    public required string SentBy { get; init; }

    public string? Comment { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }
}
