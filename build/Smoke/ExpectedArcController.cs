namespace GitOpsRunners.Smoke;

/// <summary>The gha-runner-scale-set-controller installed by <paramref name="Release"/>: its Deployment and the chart version pinned.</summary>
public sealed record ExpectedArcController(
    string Namespace,
    string DeploymentName,
    string? ChartVersion,
    ObjectKey Release
)
{
    public string Id => $"Deployment/{Namespace}/{DeploymentName}";
}
