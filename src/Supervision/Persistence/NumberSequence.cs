namespace ApprovalHub.Supervision.Persistence;

/// <summary>
/// A counter for numbers the registry hands out (certificate serials, licence and notice numbers),
/// one row per series. It is read and advanced inside the transaction that uses the number, so two
/// concurrent issuers never get the same one: the row lock (PostgreSQL) or the single writer
/// (SQLite) orders them.
/// </summary>
public sealed class NumberSequence
{
    /// <summary>The series, for example <c>use-certificate:梯11浙A:26</c>.</summary>
    public required string Key { get; set; }

    /// <summary>The last number handed out.</summary>
    public long Last { get; set; }
}
