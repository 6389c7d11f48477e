namespace GitOpsRunners.Tests.Support;

/// <summary>ARC source YAML shared by the pin and bump specs, kept under <c>Fixtures/arc/</c>.</summary>
public static class ArcYaml
{
    /// <summary>The controller and scale-set chart OCIRepositories in namespace <c>arc</c>, both at <c>${ARC_CHART_VERSION}</c>.</summary>
    public static string OciRepositories { get; } = FixtureRepository.Text("arc/oci-repositories.yaml");

    /// <summary>The first stage's <c>cluster-versions</c> ConfigMap up to <c>data:</c>; the pins follow, indented by two.</summary>
    public static string FirstStageVersionsHeader { get; } = FixtureRepository.Text("arc/cluster-versions-header.yaml");
}
