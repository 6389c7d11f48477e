using GitOpsRunners.Smoke;

namespace GitOpsRunners.Promotion;

/// <summary>The source cluster must pass every Smoke check before its pins move on (pure).</summary>
public static class HealthGate
{
    public static GateResult Evaluate(SmokeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var details = report.NotPassed.Select(r => r.ToString()).ToList();
        return report.Passed
            ? new GateResult(
                GateResult.HealthContext,
                "Health",
                true,
                $"{report.Cluster} is healthy ({report.Summary})",
                details
            )
            : new GateResult(
                GateResult.HealthContext,
                "Health",
                false,
                $"{report.Cluster} is not healthy ({report.Summary})",
                details
            );
    }
}
