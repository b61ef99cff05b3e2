namespace ApprovalHub.Supervision.Organisations;

/// <summary>
/// A production licence (特种设备生产许可证, TSG 07-2019) or inspection approval held by an
/// organisation: 4 years' validity, renewal applied for at least 6 months before expiry [S].
/// </summary>
public sealed class Licence
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>The holder.</summary>
    public long OrganisationId { get; set; }

    /// <summary>Licence number (TS2210890-2015 style).</summary>
    public required string Number { get; set; }

    /// <summary>What it permits (制造, 安装改造修理, 检验), in the licence's words.</summary>
    public required string Scope { get; set; }

    /// <summary>Issue date.</summary>
    public DateOnly IssuedOn { get; set; }

    /// <summary>Last day of validity.</summary>
    public DateOnly ExpiresOn { get; set; }

    /// <summary>The day it was cancelled (注销), or null while it stands.</summary>
    public DateOnly? CancelledOn { get; set; }

    /// <summary>The day of the last change (变更/增项), if any.</summary>
    public DateOnly? ChangedOn { get; set; }

    /// <summary>The last change, in words (名称变更：…).</summary>
    public string? LastChange { get; set; }
}
