namespace GitOpsRunners.Smoke;

/// <summary>
/// An AutoscalingRunnerSet installed by a gha-runner-scale-set HelmRelease: its namespace, its name
/// (<c>values.runnerScaleSetName</c> or the release name), <c>minRunners</c> and the controller namespace its listener runs in.
/// </summary>
public sealed record ExpectedScaleSet(
    string Namespace,
    string Name,
    int MinRunners,
    string? ChartVersion,
    string? ControllerNamespace,
    ObjectKey Release
)
{
    public string Id => $"AutoscalingRunnerSet/{Namespace}/{Name}";
}
