using System.Text.RegularExpressions;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Versions.Editing;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Versions.Pins;

/// <summary>
/// Finds pinned values wherever Flux reads them in rendered objects: <c>OCIRepository.spec.ref</c>,
/// <c>HelmRelease.spec.chart.spec.version</c> (with its HelmRepository), <c>GitRepository.spec.ref.tag</c>,
/// images in HelmRelease values (keys ending in <c>image</c>, as a string or as
/// <c>{registry, repository, tag|version, digest}</c>), <c>Kustomization.spec.images</c> and workload containers.
/// </summary>
internal static partial class PinFields
{
    public static IEnumerable<PinField> Of(RenderedCluster cluster)
    {
        var chartSources = ChartRefTargets(cluster);
        foreach (var rendered in cluster.Objects)
        {
            var m = rendered.Manifest;
            var fields = (m.Group, m.Kind) switch
            {
                (KubernetesApi.SourceGroup, "OCIRepository") => OciRepository(
                    rendered,
                    chartSources.Contains(Key(m.Namespace, m.Name))
                ),
                (KubernetesApi.SourceGroup, "GitRepository") => GitRepository(rendered),
                (KubernetesApi.HelmGroup, "HelmRelease") => HelmChart(rendered, cluster)
                    .Concat(ValueImages(rendered, m.Body.MappingAt("spec", "values"), Path("spec", "values"))),
                (KubernetesApi.KustomizeGroup, "Kustomization") => KustomizationImages(rendered),
                (_, var kind) when PodSpecPaths.ByKind.TryGetValue(kind, out var podSpec) => WorkloadImages(
                    rendered,
                    podSpec
                ),
                _ => [],
            };
            foreach (var field in fields)
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<PinField> OciRepository(RenderedObject o, bool usedAsChart)
    {
        var body = o.Manifest.Body;
        if (body.ScalarAt("spec", "url") is not { } url)
        {
            yield break;
        }

        var helm =
            usedAsChart
            || (
                body.ScalarAt("spec", "layerSelector", "mediaType")?.Contains("helm", StringComparison.Ordinal) ?? false
            )
            || url.Contains("chart", StringComparison.OrdinalIgnoreCase);
        var component = url.TrimEnd('/').Split('/')[^1];
        var versionKey =
            body.ScalarAt("spec", "ref", "tag") is not null ? "tag"
            : body.ScalarAt("spec", "ref", "semver") is not null ? "semver"
            : null;
        var digest = body.ScalarAt("spec", "ref", "digest");
        if (versionKey is null && digest is null)
        {
            yield break;
        }

        yield return new PinField(
            o,
            helm ? PinKind.HelmChartOci : PinKind.ContainerImage,
            component,
            url,
            versionKey is null ? "" : body.ScalarAt("spec", "ref", versionKey)!,
            digest,
            Path("spec", "ref", versionKey ?? "digest"),
            digest is null ? null : Path("spec", "ref", "digest")
        );
    }

    private static IEnumerable<PinField> GitRepository(RenderedObject o)
    {
        var body = o.Manifest.Body;
        if (body.ScalarAt("spec", "url") is { } url && body.ScalarAt("spec", "ref", "tag") is { } tag)
        {
            var component = GitName().Replace(url, "");
            yield return new PinField(o, PinKind.GitTag, component, url, tag, null, Path("spec", "ref", "tag"));
        }
    }

    private static IEnumerable<PinField> HelmChart(RenderedObject o, RenderedCluster cluster)
    {
        var body = o.Manifest.Body;
        var spec = body.MappingAt("spec", "chart", "spec");
        if (
            spec.ScalarAt("chart") is not { } chart
            || spec.ScalarAt("version") is not { } version
            || spec.ScalarAt("sourceRef", "kind") != "HelmRepository"
        )
        {
            yield break;
        }

        var ns = spec.ScalarAt("sourceRef", "namespace") ?? o.Manifest.Namespace;
        var repository = cluster
            .Objects.Select(r => r.Manifest)
            .FirstOrDefault(r =>
                r.Kind == "HelmRepository" && r.Name == spec.ScalarAt("sourceRef", "name") && r.Namespace == ns
            );
        var url =
            repository?.Body.ScalarAt("spec", "url") ?? $"helmrepository://{ns}/{spec.ScalarAt("sourceRef", "name")}";
        var oci =
            url.StartsWith("oci://", StringComparison.Ordinal) || repository?.Body.ScalarAt("spec", "type") == "oci";
        yield return oci
            ? new PinField(
                o,
                PinKind.HelmChartOci,
                chart,
                url.TrimEnd('/') + "/" + chart,
                version,
                null,
                Path("spec", "chart", "spec", "version")
            )
            : new PinField(
                o,
                PinKind.HelmChartHttp,
                chart,
                url,
                version,
                null,
                Path("spec", "chart", "spec", "version")
            );
    }

    private static IEnumerable<PinField> ValueImages(RenderedObject o, YamlNode? node, List<YamlPathSegment> at)
    {
        if (node is YamlSequenceNode sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                foreach (var field in ValueImages(o, sequence.Children[i], [.. at, YamlPathSegment.At(i)]))
                {
                    yield return field;
                }
            }
        }

        if (node is not YamlMappingNode map)
        {
            yield break;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                continue;
            }

            List<YamlPathSegment> path = [.. at, YamlPathSegment.Of(key)];
            if (key.EndsWith("image", StringComparison.OrdinalIgnoreCase) && ImageAt(o, value, path) is { } image)
            {
                yield return image;
                continue;
            }

            foreach (var field in ValueImages(o, value, path))
            {
                yield return field;
            }
        }
    }

    private static PinField Image(RenderedObject o, ImageReference reference, List<YamlPathSegment> path) =>
        new(
            o,
            PinKind.ContainerImage,
            reference.Repository,
            reference.Repository,
            reference.Tag ?? "",
            reference.Digest,
            path
        );

    private static PinField? ImageAt(RenderedObject o, YamlNode value, List<YamlPathSegment> path)
    {
        if (value is YamlScalarNode { Value: var text } && ImageReference.Parse(text) is { } reference)
        {
            return Image(o, reference, path);
        }

        if (value is not YamlMappingNode map || map.ScalarAt("repository") is not { Length: > 0 } repository)
        {
            return null;
        }

        var versionKey =
            map.ScalarAt("tag") is { Length: > 0 } ? "tag"
            : map.ScalarAt("version") is { Length: > 0 } ? "version"
            : null;
        if (versionKey is null)
        {
            return null;
        }

        var name = map.ScalarAt("registry") is { Length: > 0 } registry
            ? $"{registry.TrimEnd('/')}/{repository}"
            : repository;
        var version = map.ScalarAt(versionKey)!;
        var inline = version.Split('@', 2);
        return map.ScalarAt("digest") is { Length: > 0 } digest
            ? new PinField(
                o,
                PinKind.ContainerImage,
                name,
                name,
                version,
                digest,
                [.. path, YamlPathSegment.Of(versionKey)],
                [.. path, YamlPathSegment.Of("digest")]
            )
            : new PinField(
                o,
                PinKind.ContainerImage,
                name,
                name,
                inline[0],
                inline.Length > 1 ? inline[1] : null,
                [.. path, YamlPathSegment.Of(versionKey)]
            );
    }

    private static IEnumerable<PinField> KustomizationImages(RenderedObject o)
    {
        var images = o.Manifest.Body.ItemsAt("spec", "images").ToList();
        for (var i = 0; i < images.Count; i++)
        {
            var name = images[i].ScalarAt("newName") ?? images[i].ScalarAt("name");
            var tag = images[i].ScalarAt("newTag");
            var digest = images[i].ScalarAt("digest");
            if (name is null || (tag is null && digest is null))
            {
                continue;
            }

            var entry = Path("spec", "images").Append(YamlPathSegment.At(i)).ToList();
            yield return new PinField(
                o,
                PinKind.ContainerImage,
                name,
                name,
                tag ?? "",
                digest,
                [.. entry, YamlPathSegment.Of(tag is null ? "digest" : "newTag")],
                digest is null ? null : [.. entry, YamlPathSegment.Of("digest")]
            );
        }
    }

    private static IEnumerable<PinField> WorkloadImages(RenderedObject o, string[] podSpec)
    {
        foreach (var list in new[] { "initContainers", "containers" })
        {
            var containers = o.Manifest.Body.ItemsAt([.. podSpec, list]).ToList();
            for (var i = 0; i < containers.Count; i++)
            {
                if (ImageReference.Parse(containers[i].ScalarAt("image")) is { } reference)
                {
                    List<YamlPathSegment> path =
                    [
                        .. Path([.. podSpec, list]),
                        YamlPathSegment.At(i),
                        YamlPathSegment.Of("image"),
                    ];
                    yield return Image(o, reference, path);
                }
            }
        }
    }

    private static HashSet<string> ChartRefTargets(RenderedCluster cluster) =>
        cluster
            .Objects.Select(o => o.Manifest)
            .Where(m => m.Kind == "HelmRelease" && m.Body.ScalarAt("spec", "chartRef", "kind") == "OCIRepository")
            .Select(m =>
                Key(
                    m.Body.ScalarAt("spec", "chartRef", "namespace") ?? m.Namespace,
                    m.Body.ScalarAt("spec", "chartRef", "name")
                )
            )
            .ToHashSet(StringComparer.Ordinal);

    private static string Key(string? ns, string? name) => $"{ns}/{name}";

    private static List<YamlPathSegment> Path(params string[] keys) => keys.Select(YamlPathSegment.Of).ToList();

    [GeneratedRegex(@"^[a-z]+://|^git@|\.git$")]
    private static partial Regex GitName();
}
