using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Rules;

/// <summary>An ARC HelmRelease (controller or runner scale set) with the chart version it installs.</summary>
public sealed record ArcRelease(
    Manifest Release,
    bool IsController,
    string? ChartVersion,
    string[] VersionPath,
    Manifest VersionSetBy
)
{
    /// <summary>The namespace the chart is installed into.</summary>
    public string? ReleaseNamespace => Release.Body.ScalarAt("spec", "targetNamespace") ?? Release.Namespace;

    public YamlMappingNode? Values => Release.Body.MappingAt("spec", "values");

    /// <summary>Every ARC HelmRelease in the cluster, recognised by its chart name or OCI repository URL.</summary>
    public static IReadOnlyList<ArcRelease> Find(ClusterIndex index)
    {
        var found = new List<ArcRelease>();
        foreach (var release in index.OfKind(KubernetesApi.HelmGroup, "HelmRelease"))
        {
            if (
                FluxRef.Read(release, "OCIRepository", "spec", "chartRef") is { Kind: "OCIRepository" } chartRef
                && (
                    index.Find("OCIRepository", chartRef.Namespace, chartRef.Name)
                    ?? index.Find("OCIRepository", null, chartRef.Name)
                )
                    is { } repository
            )
            {
                var chart = repository.Body.ScalarAt("spec", "url")?.TrimEnd('/').Split('/').LastOrDefault();
                var version =
                    repository.Body.ScalarAt("spec", "ref", "tag") ?? repository.Body.ScalarAt("spec", "ref", "semver");
                var path = repository.Body.ScalarAt("spec", "ref", "tag") is not null
                    ? new[] { "spec", "ref", "tag" }
                    : ["spec", "ref", "semver"];
                Add(found, release, chart, version, path, repository);
            }
            else if (release.Body.ScalarAt("spec", "chart", "spec", "chart") is { } chartName)
            {
                Add(
                    found,
                    release,
                    chartName,
                    release.Body.ScalarAt("spec", "chart", "spec", "version"),
                    ["spec", "chart", "spec", "version"],
                    release
                );
            }
        }

        return found;
    }

    private static void Add(
        List<ArcRelease> found,
        Manifest release,
        string? chart,
        string? version,
        string[] path,
        Manifest setBy
    )
    {
        if (chart is ArcCharts.Controller or ArcCharts.ScaleSet)
        {
            found.Add(new ArcRelease(release, chart == ArcCharts.Controller, version, path, setBy));
        }
    }
}
