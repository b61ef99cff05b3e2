namespace ApprovalHub.Workflows.Runtime.Migration;

/// <summary>
/// Where running instances of one process key go: the target version and which element of the
/// instances' version becomes which element of the target. Elements the mapping does not name keep
/// their id (the usual case: a new version changes a few elements and leaves the rest alone).
/// </summary>
/// <param name="ProcessKey">The process key; only instances of this key can be migrated by the plan.</param>
/// <param name="TargetVersion">The version the instances move to.</param>
/// <param name="Mapping">Source element id → target element id, for elements renamed or replaced in the target.</param>
public sealed record MigrationPlan(string ProcessKey, int TargetVersion, IReadOnlyDictionary<string, string> Mapping)
{
    /// <summary>The target element of a source element: its mapping, or the same id.</summary>
    public string Map(string sourceElementId) => Mapping.TryGetValue(sourceElementId, out var target) ? target : sourceElementId;
}

/// <summary>Why an instance cannot be migrated by a plan.</summary>
/// <param name="Code">A stable code, e.g. <c>unmapped</c> (<see cref="MigrationProblemCodes"/>).</param>
/// <param name="ElementId">The element of the instance concerned, when there is one.</param>
/// <param name="Message">What is wrong and what to do, for the analyst.</param>
public sealed record MigrationProblem(string Code, string? ElementId, string Message);

/// <summary>The stable codes of <see cref="MigrationProblem"/>.</summary>
public static class MigrationProblemCodes
{
    /// <summary>The instance does not exist.</summary>
    public const string NotFound = "not-found";

    /// <summary>The instance has ended: there is nothing left to move.</summary>
    public const string NotActive = "not-active";

    /// <summary>The instance runs another process key than the plan's.</summary>
    public const string OtherProcess = "other-process";

    /// <summary>The instance already runs on the target version.</summary>
    public const string SameVersion = "same-version";

    /// <summary>An active element has no element of that id in the target version.</summary>
    public const string Unmapped = "unmapped";

    /// <summary>The target element is of another kind (a user task mapped to a service task, a timer to a message).</summary>
    public const string Incompatible = "incompatible";

    /// <summary>The target element sits in another scope (outside the subprocess the token is in).</summary>
    public const string ScopeChanged = "scope-changed";

    /// <summary>A token waits at a join for a flow that does not come into the target gateway.</summary>
    public const string JoinChanged = "join-changed";
}

/// <summary>What validation found for one instance.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="BusinessKey">Its business key, for people reading the report.</param>
/// <param name="FromVersion">The version it runs on now (0 when it does not exist).</param>
/// <param name="ActiveElements">The source elements where it stands, with their target element.</param>
/// <param name="Problems">Empty when the instance can be migrated.</param>
public sealed record InstanceMigrationCheck(
    Guid InstanceId,
    string? BusinessKey,
    int FromVersion,
    IReadOnlyList<ElementMove> ActiveElements,
    IReadOnlyList<MigrationProblem> Problems)
{
    /// <summary>True when nothing keeps the instance from being migrated.</summary>
    public bool CanMigrate => Problems.Count == 0;
}

/// <summary>An element where an instance stands and the element it would stand at after migration.</summary>
public sealed record ElementMove(string SourceElementId, string TargetElementId);

/// <summary>What a migration did with one instance.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Migrated">True when it now runs on the target version.</param>
/// <param name="Problems">Why not, when it was not migrated.</param>
public sealed record InstanceMigrationOutcome(Guid InstanceId, bool Migrated, IReadOnlyList<MigrationProblem> Problems);

/// <summary>
/// The result of <see cref="WorkflowEngine.MigrateAsync"/>: when any instance fails validation,
/// nothing runs and <see cref="Checks"/> says why; otherwise each instance was migrated in a
/// transaction of its own and <see cref="Outcomes"/> says how that went.
/// </summary>
public sealed record MigrationReport(bool Ran, IReadOnlyList<InstanceMigrationCheck> Checks, IReadOnlyList<InstanceMigrationOutcome> Outcomes)
{
    /// <summary>How many instances now run on the target version.</summary>
    public int MigratedCount => Outcomes.Count(o => o.Migrated);
}
