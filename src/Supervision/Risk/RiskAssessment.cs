using System.Globalization;

namespace ApprovalHub.Supervision.Risk;

/// <summary>One factor's share of a score: the points and what they were given for.</summary>
/// <param name="Factor">The factor.</param>
/// <param name="Points">Points it adds (0 when it does not apply).</param>
/// <param name="Evidence">What was found, in words (为什么): "超期 1 项", "困人 2 次（90天内）".</param>
public sealed record RiskContribution(RiskFactor Factor, double Points, string Evidence)
{
    /// <summary>The factor's Chinese name.</summary>
    public string Name => Factor.ChineseName();
}

/// <summary>A device's risk: the score (0–100), its colour level and every factor's contribution.</summary>
/// <param name="Score">The sum of the contributions, at most 100.</param>
/// <param name="Level">The colour level of the score.</param>
/// <param name="Contributions">Every factor in <see cref="RiskFactors.All"/> order, those adding nothing included.</param>
public sealed record RiskAssessment(double Score, RiskLevel Level, IReadOnlyList<RiskContribution> Contributions)
{
    /// <summary>The factors that add points, largest first: the explanation a regulator reads.</summary>
    public IEnumerable<RiskContribution> Reasons => Contributions.Where(c => c.Points > 0).OrderByDescending(c => c.Points);

    /// <summary>"62.0 分（红）：超期未检 25 …".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Score:0.0} 分（{Level.ChineseName()}）：")
        + string.Join("；", Reasons.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name} {r.Points:0.#}（{r.Evidence}）")));
}
