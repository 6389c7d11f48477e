using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Container images, in workloads and in HelmRelease values, are pinned by digest.</summary>
public sealed class ImageDigestPolicy() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "policy-image-digest",
            Severity.Warning,
            "A tag can be moved; a digest cannot.",
            RuleCatalog.AnnotationOptOut
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var manifest in context.Cluster.Objects.Select(o => o.Manifest))
        {
            if (manifest.Kind == "HelmRelease" && manifest.Body.MappingAt("spec", "values") is { } values)
            {
                foreach (var (image, path) in ValueImages(values, ["spec", "values"]))
                {
                    yield return Unpinned(context, manifest, image, path);
                }

                continue;
            }

            foreach (var (container, path) in Containers.Of(manifest))
            {
                if (container.ScalarAt("image") is { } image && !image.Contains("@sha256:", StringComparison.Ordinal))
                {
                    yield return Unpinned(context, manifest, image, path);
                }
            }
        }
    }

    /// <summary>Unpinned image references anywhere in Helm values: <c>image: ref</c> strings and <c>{repository, tag}</c> maps.</summary>
    private static IEnumerable<(string Image, string[] Path)> ValueImages(YamlNode node, string[] path)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var childPath = path.Append(((YamlScalarNode)key).Value ?? "").ToArray();
                    var isImageKey = key is YamlScalarNode { Value: "image" };
                    if (isImageKey && value is YamlScalarNode { Value: { Length: > 0 } text } && LooksLikeImage(text))
                    {
                        if (!text.Contains("@sha256:", StringComparison.Ordinal))
                        {
                            yield return (text, childPath);
                        }
                    }
                    else if (
                        isImageKey
                        && value is YamlMappingNode imageMap
                        && imageMap.ScalarAt("repository") is { } repository
                    )
                    {
                        var tag = imageMap.ScalarAt("tag") ?? "";
                        if (imageMap.ScalarAt("digest") is null && !tag.Contains("@sha256:", StringComparison.Ordinal))
                        {
                            yield return ($"{repository}:{tag}", childPath);
                        }
                    }
                    else
                    {
                        foreach (var found in ValueImages(value, childPath))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    foreach (var found in ValueImages(item, path))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    private static bool LooksLikeImage(string text) =>
        !text.Contains(' ', StringComparison.Ordinal)
        && (text.Contains('/', StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal));

    private static Finding Unpinned(RuleContext context, Manifest manifest, string image, string[] path) =>
        context.Report(Descriptor, manifest, $"image {image} is not pinned by digest; use tag@sha256:<digest>", path);
}
