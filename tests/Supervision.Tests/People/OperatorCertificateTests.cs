using ApprovalHub.Supervision.People;

namespace ApprovalHub.Supervision.Tests.People;

public class OperatorCertificateTests
{
    private static readonly CertificateRules Rules = new();

    [Fact]
    public void A_certificate_is_valid_for_four_years_and_must_be_renewed_a_month_before_expiry()
    {
        var issued = new DateOnly(2022, 3, 1);
        var expires = Rules.ExpiryFor(issued);

        Assert.Equal(new DateOnly(2026, 2, 28), expires);
        Assert.Equal(new DateOnly(2026, 1, 28), Rules.ApplyBy(expires));
    }

    [Fact]
    public void Status_moves_from_valid_to_renewal_due_to_expired()
    {
        var certificate = new OperatorCertificate { Number = "Z1", ItemCode = "T", IssuedOn = new DateOnly(2022, 3, 1), ExpiresOn = new DateOnly(2026, 2, 28) };

        Assert.Equal(CertificateStatus.Valid, Rules.StatusOn(certificate, new DateOnly(2025, 11, 27)));
        Assert.Equal(CertificateStatus.RenewalDue, Rules.StatusOn(certificate, new DateOnly(2025, 11, 28)));
        Assert.Equal(CertificateStatus.RenewalDue, Rules.StatusOn(certificate, new DateOnly(2026, 2, 28)));
        Assert.Equal(CertificateStatus.Expired, Rules.StatusOn(certificate, new DateOnly(2026, 3, 1)));
        certificate.Revoked = true;
        Assert.Equal(CertificateStatus.Revoked, Rules.StatusOn(certificate, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void The_2019_items_are_the_TSG_Z6001_2019_list()
    {
        Assert.Equal(
            ["A", "F", "G1", "G2", "G3", "N1", "N2", "P", "Q1", "Q2", "R1", "R2", "R3", "S1", "S2", "T", "Y1", "Y2"],
            OperatorItems.Current.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("T1", "T")]
    [InlineData("T2", "T")]
    [InlineData("A5", "A")]
    [InlineData("P3", "P")]
    [InlineData("Q3", "Q1")]
    [InlineData("Q1", null)]
    [InlineData("T3", null)]
    [InlineData("ZZ", null)]
    public void Legacy_2011_codes_map_where_the_lists_agree(string legacy, string? current)
    {
        Assert.Equal(current, OperatorItems.MapLegacy(legacy));
    }
}
