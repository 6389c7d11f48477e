namespace GitOpsRunners.Smoke;

/// <summary>The smoke verdict for one snapshot of the cluster. Pure.</summary>
public static class HealthRules
{
    public static IReadOnlyList<CheckResult> Evaluate(SmokeExpectations expected, ClusterSnapshot snapshot)
    {
        var results = new List<CheckResult>();
        results.AddRange(FluxHealth.Installation(expected, snapshot));
        results.AddRange(FluxHealth.Objects(expected, snapshot));
        results.AddRange(
            FluxHealth.Orphans(expected, snapshot, results.Where(r => r.Name == CheckNames.Kustomization).ToList())
        );
        results.AddRange(ExternalSecretsHealth.Evaluate(expected, snapshot));
        results.AddRange(ArcHealth.Evaluate(expected, snapshot));
        return results;
    }
}
