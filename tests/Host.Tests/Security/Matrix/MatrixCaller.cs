namespace ApprovalHub.Host.Tests.Security.Matrix;

/// <summary>
/// One column of the authorisation matrix: a demo account (or nobody), with the role and level
/// it stands for. Expectations name callers by <see cref="Label"/>.
/// </summary>
/// <param name="Label">Short name used in expectations and failure messages.</param>
/// <param name="UserName">The demo account, or null for an anonymous caller.</param>
/// <param name="Role">The account's role, or null.</param>
public sealed record MatrixCaller(string Label, string? UserName, string? Role)
{
    public static readonly MatrixCaller Anonymous = new("anonymous", null, null);
    public static readonly MatrixCaller National = new("national", "demo.national", "regulator");
    public static readonly MatrixCaller Province = new("province", "demo.province", "regulator");
    public static readonly MatrixCaller City = new("city", "demo.city", "regulator");
    public static readonly MatrixCaller County = new("county", "demo.county", "regulator");
    public static readonly MatrixCaller OtherCounty = new("other-county", "demo.county.shangcheng", "regulator");
    public static readonly MatrixCaller Street = new("street", "demo.street", "regulator");
    public static readonly MatrixCaller Inspector = new("inspector", "demo.inspector", "inspector");
    public static readonly MatrixCaller Enterprise = new("enterprise", "demo.enterprise", "enterprise");
    public static readonly MatrixCaller Producer = new("producer", "demo.producer", "producer");
    public static readonly MatrixCaller Analyst = new("analyst", "demo.analyst", "analyst");
    public static readonly MatrixCaller Admin = new("admin", "demo.admin", "admin");

    /// <summary>Every role at every level, and the anonymous public.</summary>
    public static IReadOnlyList<MatrixCaller> All { get; } =
        [Anonymous, National, Province, City, County, OtherCounty, Street, Inspector, Enterprise, Producer, Analyst, Admin];

    public override string ToString() => Label;
}
