namespace GitOpsRunners.Tests.Support;

/// <summary>
/// ARC source YAML shared by the pin, workflow and bump specs: the chart OCIRepositories and the first stage's
/// versions header kept under <c>Fixtures/arc/</c>, and the files of the <c>arc</c> app as a base and its overlays
/// lay them out.
/// </summary>
public static class ArcYaml
{
    /// <summary>The Flux Kustomization <c>arc</c> that applies the app.</summary>
    public const string KustomizationFile = "kubernetes/apps/base/arc/ks.yaml";

    /// <summary>The app's sources and releases, applied by <c>flux-system/arc</c>.</summary>
    public const string AppFile = "kubernetes/apps/base/arc/app.yaml";

    /// <summary>The runner container of the scale set's pod template, its image tag set through <c>${RUNNER_IMAGE}</c>; lines for <c>spec.values</c>.</summary>
    public const string RunnerTemplateValues = """
        template:
          spec:
            containers:
              - name: runner
                image: "ghcr.io/home-operations/actions-runner:${RUNNER_IMAGE}"
        """;

    /// <summary>The controller and scale-set chart OCIRepositories in namespace <c>arc</c>, both at <c>${ARC_CHART_VERSION}</c>.</summary>
    public static string OciRepositories { get; } = FixtureRepository.Text("arc/oci-repositories.yaml");

    /// <summary>The first stage's <c>cluster-versions</c> ConfigMap up to <c>data:</c>; the pins follow, indented by two.</summary>
    public static string FirstStageVersionsHeader { get; } = FixtureRepository.Text("arc/cluster-versions-header.yaml");

    /// <summary>A cluster overlay's <c>cluster-versions</c> ConfigMap file.</summary>
    public static string VersionsFile(string cluster) => $"kubernetes/apps/overlays/{cluster}/cluster-versions.yaml";

    /// <summary>A cluster overlay's <c>cluster-settings</c> ConfigMap file.</summary>
    public static string SettingsFile(string cluster) => $"kubernetes/apps/overlays/{cluster}/cluster-settings.yaml";

    /// <summary>The Kustomization <c>arc</c> substituting from both ConfigMaps; <paramref name="postBuild"/> replaces that when given.</summary>
    public static string Kustomization(string? postBuild = null) =>
        FluxYaml.Kustomization(
            "arc",
            "./kubernetes/apps/base/arc",
            spec: postBuild ?? PostBuildYaml.SubstituteFrom("cluster-settings", "cluster-versions")
        );

    /// <summary>The OCIRepositories and the scale set's HelmRelease using them; <paramref name="values"/> lines go under <c>spec.values</c>.</summary>
    public static string ScaleSetRelease(string values) =>
        OciRepositories
        + """
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: gha-runner-scale-set
              namespace: arc
            spec:
              chartRef:
                kind: OCIRepository
                name: gha-runner-scale-set
              values:

            """
        + FluxYaml.Indent(values, "    ");
}
