using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Versions.Editing;
using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Tests.Versions.Planning;

/// <summary>Hand-built pins set by keys of a cluster's <c>cluster-versions</c> ConfigMap.</summary>
internal static class TestPins
{
    public const string ControllerSource =
        "oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller";
    public const string ScaleSetSource = "oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set";
    public const string RunnerImage = "ghcr.io/home-operations/actions-runner";

    public static string File(string cluster) => $"kubernetes/apps/overlays/{cluster}/cluster-versions.yaml";

    public static VersionPin Chart(
        string component,
        string version,
        string variable,
        string cluster = "tst",
        string? group = null,
        PinKind kind = PinKind.HelmChartOci,
        string? source = null,
        int line = 10
    ) =>
        new(
            cluster,
            component,
            kind,
            source ?? $"oci://example.com/charts/{component}",
            version,
            null,
            new SourceLocation(File(cluster), line, 22),
            variable,
            group
        )
        {
            Field = $"OCIRepository/{component}#spec.ref.tag",
            Site = Site(cluster, variable, version, version, line),
        };

    public static VersionPin Controller(
        string version,
        string variable = "ARC_CHART_VERSION",
        string cluster = "tst"
    ) =>
        Chart(
            "gha-runner-scale-set-controller",
            version,
            variable,
            cluster,
            VersionPin.ArcGroup,
            source: ControllerSource,
            line: 10
        );

    public static VersionPin ScaleSet(string version, string variable = "ARC_CHART_VERSION", string cluster = "tst") =>
        Chart(
            "gha-runner-scale-set",
            version,
            variable,
            cluster,
            VersionPin.ArcGroup,
            source: ScaleSetSource,
            line: variable == "ARC_CHART_VERSION" ? 10 : 11
        );

    public static VersionPin Eso(string version, string cluster = "tst") =>
        Chart(
            "external-secrets",
            version,
            "ESO_CHART_VERSION",
            cluster,
            kind: PinKind.HelmChartHttp,
            source: "https://charts.external-secrets.io",
            line: 12
        );

    public static VersionPin Runner(string tag, string digest, string cluster = "tst") =>
        new(
            cluster,
            RunnerImage,
            PinKind.ContainerImage,
            RunnerImage,
            tag,
            digest,
            new SourceLocation(File(cluster), 14, 17),
            "RUNNER_IMAGE"
        )
        {
            Field = "HelmRelease/gha-runner-scale-set#spec.values.template.spec.containers[0].image",
            Site = Site(cluster, "RUNNER_IMAGE", $"{tag}@{digest}", $"{tag}@{digest}", 14),
            DigestInSite = true,
        };

    public static AvailableVersionsBuilder Tags(params string[] tags) => new(tags);

    private static PinSite Site(string cluster, string variable, string scalar, string text, int line) =>
        new(
            new SourceLocation(File(cluster), line, 22),
            YamlScalarAddress.AtPath("data." + variable),
            scalar,
            text,
            variable
        );
}
