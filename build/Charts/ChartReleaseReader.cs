using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Charts;

/// <summary>
/// Finds, for every HelmRelease of a rendered cluster, the chart helm-controller would install: <c>spec.chartRef</c>
/// to an OCIRepository (its substituted <c>ref.digest</c>, else <c>ref.tag</c>, else <c>latest</c>), or
/// <c>spec.chart.spec</c> with a HelmRepository source (an <c>oci</c> one as <c>url/chart:version</c>). Releases whose
/// chart cannot be named offline (a semver range, a HelmChart or Git source) are reported once as not checked;
/// a missing source is left to the reference rules. Pure.
/// </summary>
public static class ChartReleaseReader
{
    public static (IReadOnlyList<ChartRelease> Releases, IReadOnlyList<Finding> Findings) Read(
        RenderedCluster cluster,
        ISourceLocator locator
    )
    {
        var objects = cluster.Objects.Select(o => o.Manifest).ToList();
        var releases = new List<ChartRelease>();
        var findings = new List<Finding>();
        foreach (var release in objects.Where(m => m.Kind == "HelmRelease" && m.Group == KubernetesApi.HelmGroup))
        {
            var (found, problem) = release.Body.MappingAt("spec", "chartRef") is { } chartRef
                ? FromChartRef(release, chartRef, objects)
                : FromChartSpec(release, objects);
            if (found is not null)
            {
                releases.Add(found);
            }
            else if (problem is { } text)
            {
                findings.Add(
                    new Finding(
                        ChartRules.NotChecked,
                        $"the chart of HelmRelease {release.Name} is not checked: {text}",
                        locator.Locate(release, "spec"),
                        Object: release.Id
                    )
                );
            }
        }

        return (releases, findings);
    }

    private static (ChartRelease?, string?) FromChartRef(
        Manifest release,
        YamlDotNet.RepresentationModel.YamlMappingNode chartRef,
        IReadOnlyList<Manifest> objects
    )
    {
        var kind = chartRef.ScalarAt("kind");
        var name = chartRef.ScalarAt("name");
        var ns = chartRef.ScalarAt("namespace") ?? release.Namespace;
        if (kind != "OCIRepository")
        {
            return (null, $"its chartRef is a {kind}, which is resolved in the cluster, not from a registry");
        }

        var source = Find(objects, kind, name, ns);
        if (source is null)
        {
            return (null, null);
        }

        if (source.Body.ScalarAt("spec", "url") is not { } url || !OciReference.TryParse(url, out var repository))
        {
            return (null, $"OCIRepository {name} has no oci:// url");
        }

        var digest = source.Body.ScalarAt("spec", "ref", "digest");
        var tag = source.Body.ScalarAt("spec", "ref", "tag");
        if (digest is null && tag is null && source.Body.ScalarAt("spec", "ref", "semver") is { } range)
        {
            return (null, $"OCIRepository {name} follows the semver range '{range}', which only the cluster resolves");
        }

        tag ??= digest is null ? "latest" : null;
        var version = tag is null ? digest! : HelmOci.TagToVersion(tag);
        var reference = repository.WithoutVersion() with { Tag = tag, Digest = digest };
        return (
            new ChartRelease(
                release,
                ChartSource.FromOci(reference, version),
                source,
                digest is null ? ["spec", "ref", "tag"] : ["spec", "ref", "digest"]
            ),
            null
        );
    }

    private static (ChartRelease?, string?) FromChartSpec(Manifest release, IReadOnlyList<Manifest> objects)
    {
        var spec = release.Body.MappingAt("spec", "chart", "spec");
        if (spec is null)
        {
            return (null, null);
        }

        var chart = spec.ScalarAt("chart");
        var version = spec.ScalarAt("version") ?? "*";
        var kind = spec.ScalarAt("sourceRef", "kind");
        var name = spec.ScalarAt("sourceRef", "name");
        var ns = spec.ScalarAt("sourceRef", "namespace") ?? release.Namespace;
        if (kind != "HelmRepository" || chart is null)
        {
            return (null, kind is null ? null : $"its chart comes from a {kind}, not from a chart repository");
        }

        var source = Find(objects, kind, name, ns);
        if (source?.Body.ScalarAt("spec", "url") is not { } url)
        {
            return (null, null);
        }

        if (!VersionTags.TryParse(version, out _))
        {
            return (null, $"its version '{version}' is a range, which only the cluster resolves against the index");
        }

        var path = new[] { "spec", "chart", "spec", "version" };
        var isOci =
            source.Body.ScalarAt("spec", "type") == "oci"
            || url.StartsWith("oci://", StringComparison.OrdinalIgnoreCase);
        if (isOci)
        {
            return OciReference.TryParse($"{url.TrimEnd('/')}/{chart}", out var reference)
                ? (
                    new ChartRelease(
                        release,
                        ChartSource.FromOci(reference with { Tag = HelmOci.VersionToTag(version) }, version),
                        release,
                        path
                    ),
                    null
                )
                : (null, $"HelmRepository {name} has the url '{url}', which is not an OCI repository");
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var repository) && repository.Scheme is "http" or "https"
            ? (new ChartRelease(release, ChartSource.FromRepository(repository, chart, version), release, path), null)
            : (null, $"HelmRepository {name} has the url '{url}', which is not http(s) or oci://");
    }

    private static Manifest? Find(IReadOnlyList<Manifest> objects, string kind, string? name, string? ns) =>
        objects.FirstOrDefault(m =>
            m.Kind == kind && m.Group == KubernetesApi.SourceGroup && m.Name == name && (m.Namespace ?? ns) == ns
        );
}
