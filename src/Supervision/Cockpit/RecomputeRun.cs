namespace ApprovalHub.Supervision.Cockpit;

/// <summary>One row of <c>ck_runs</c>: a full recompute, for the cockpit's "as of" and for operators.</summary>
public sealed class RecomputeRun
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>Why it ran: <c>nightly</c>, <c>first-start</c>, <c>manual</c>, <c>bench</c>.</summary>
    public required string Trigger { get; set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it finished; null while running or after a failure.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The day (China) it computed for.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>Device rows written or changed.</summary>
    public long DevicesChanged { get; set; }

    /// <summary>Device rows tracked afterwards.</summary>
    public long Devices { get; set; }

    /// <summary>Warnings opened, updated and closed by the run.</summary>
    public int WarningsOpened { get; set; }

    /// <inheritdoc cref="WarningsOpened"/>
    public int WarningsClosed { get; set; }

    /// <summary>Cases opened by the run.</summary>
    public int CasesOpened { get; set; }

    /// <summary>Milliseconds per stage ("organisations=812 devices=20417 …").</summary>
    public string? Stages { get; set; }

    /// <summary>The failure, if it failed.</summary>
    public string? Error { get; set; }
}
