namespace ApprovalHub.Supervision.Equipment;

/// <summary>A device's registration status (domain.md section 2.3). Stored as the number.</summary>
public enum EquipmentStatus
{
    /// <summary>在建: notified and being installed, not yet registered for use.</summary>
    UnderConstruction = 0,

    /// <summary>在用: registered and in use.</summary>
    InUse = 1,

    /// <summary>停用: suspended for a planned stop of a year or more.</summary>
    Suspended = 2,

    /// <summary>注销: registration cancelled. Final.</summary>
    Cancelled = 3,

    /// <summary>报废: scrapped; the registration is then cancelled.</summary>
    Scrapped = 4,
}

/// <summary>Chinese names and the legal moves between <see cref="EquipmentStatus"/> values.</summary>
public static class EquipmentLifecycle
{
    // Who may go where (TSG 08-2017 as summarised in domain.md 2.3): registration puts a device in
    // use; a suspended device restarts or ends; a scrapped device is then cancelled; cancellation
    // is final (a transfer to a new user unit registers the device again as a new registration).
    private static readonly Dictionary<EquipmentStatus, EquipmentStatus[]> Moves = new()
    {
        [EquipmentStatus.UnderConstruction] = [EquipmentStatus.InUse, EquipmentStatus.Cancelled],
        [EquipmentStatus.InUse] = [EquipmentStatus.Suspended, EquipmentStatus.Scrapped, EquipmentStatus.Cancelled],
        [EquipmentStatus.Suspended] = [EquipmentStatus.InUse, EquipmentStatus.Scrapped, EquipmentStatus.Cancelled],
        [EquipmentStatus.Scrapped] = [EquipmentStatus.Cancelled],
        [EquipmentStatus.Cancelled] = [],
    };

    /// <summary>在建, 在用, 停用, 注销, 报废.</summary>
    public static string ChineseName(this EquipmentStatus status) => status switch
    {
        EquipmentStatus.UnderConstruction => "在建",
        EquipmentStatus.InUse => "在用",
        EquipmentStatus.Suspended => "停用",
        EquipmentStatus.Cancelled => "注销",
        EquipmentStatus.Scrapped => "报废",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an equipment status."),
    };

    /// <summary>The statuses a device in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<EquipmentStatus> AllowedFrom(EquipmentStatus from) => Moves[from];

    /// <summary>True when <paramref name="from"/> → <paramref name="to"/> is a legal move.</summary>
    public static bool IsAllowed(EquipmentStatus from, EquipmentStatus to) => Moves[from].Contains(to);

    /// <summary>Throws <see cref="IllegalStatusTransitionException"/> unless the move is legal.</summary>
    public static void EnsureAllowed(EquipmentStatus from, EquipmentStatus to)
    {
        if (!IsAllowed(from, to))
        {
            throw new IllegalStatusTransitionException(from, to);
        }
    }
}

/// <summary>A status change the registration rules do not allow; the message names both states.</summary>
public sealed class IllegalStatusTransitionException(EquipmentStatus from, EquipmentStatus to)
    : InvalidOperationException(Describe(from, to))
{
    /// <summary>The current status.</summary>
    public EquipmentStatus From { get; } = from;

    /// <summary>The requested status.</summary>
    public EquipmentStatus To { get; } = to;

    private static string Describe(EquipmentStatus from, EquipmentStatus to)
    {
        var allowed = EquipmentLifecycle.AllowedFrom(from);
        var next = allowed.Count == 0 ? "none: it is final" : string.Join(", ", allowed.Select(s => $"{s.ChineseName()} ({s})"));
        return $"A device cannot go from {from.ChineseName()} ({from}) to {to.ChineseName()} ({to}); from {from.ChineseName()} it may go to {next}.";
    }
}
