namespace ApprovalHub.Supervision.People;

/// <summary>One certificate item (特种设备安全管理和作业人员证, TSG Z6001-2019) held by a person.</summary>
public sealed class OperatorCertificate
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>The holder.</summary>
    public long PersonId { get; set; }

    /// <summary>The 2019 item code (A, G1, Q2 …), or null for a legacy item that has no 2019 equivalent.</summary>
    public string? ItemCode { get; set; }

    /// <summary>The 2011 item code it was issued under, if migrated from old data.</summary>
    public string? LegacyItemCode { get; set; }

    /// <summary>Certificate number.</summary>
    public required string Number { get; set; }

    /// <summary>Issue (or last renewal) date.</summary>
    public DateOnly IssuedOn { get; set; }

    /// <summary>Last day of validity (4 years after issue).</summary>
    public DateOnly ExpiresOn { get; set; }

    /// <summary>True once revoked (吊销/撤销).</summary>
    public bool Revoked { get; set; }
}
