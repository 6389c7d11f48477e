using GitOpsRunners.Manifests;
using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Versions.Lookup;

/// <summary>
/// Which GitHub releases belong to which pinned component, by the last segment of the component name:
/// the ARC charts are released from actions/actions-runner-controller, the ESO chart from
/// external-secrets/external-secrets, and any <c>actions-runner</c> image packages actions/runner.
/// </summary>
public static class ReleaseSources
{
    public static readonly ReleaseSource ActionsRunner = new("actions", "runner", "v");

    private static readonly ReleaseSource Arc = new("actions", "actions-runner-controller", "gha-runner-scale-set-");
    private static readonly ReleaseSource ExternalSecrets = new("external-secrets", "external-secrets", "v");

    public static ReleaseSource? For(VersionPin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var name = pin.Component.Split('/')[^1];
        return (pin.Kind, name) switch
        {
            (PinKind.HelmChartOci or PinKind.HelmChartHttp, ArcCharts.Controller or ArcCharts.ScaleSet) => Arc,
            (PinKind.HelmChartOci or PinKind.HelmChartHttp, "external-secrets") => ExternalSecrets,
            (PinKind.ContainerImage, "actions-runner") => ActionsRunner,
            _ => null,
        };
    }
}
