using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Builds the kustomization.yaml that puts a Flux Kustomization's spec on top of its target, the way
/// kustomize-controller edits the root kustomization: targetNamespace, namePrefix/nameSuffix, patches,
/// images, components, plus origin annotations so every object can be traced to its file.
/// Paths are relative to the folder the wrapper is written to.
/// </summary>
public static class KustomizationWrapper
{
    public const string OriginAnnotations = "originAnnotations";

    public static string Create(
        FluxKustomization kustomization,
        IReadOnlyList<string> resources,
        IReadOnlyList<string> components
    )
    {
        var root = new YamlMappingNode
        {
            { "apiVersion", "kustomize.config.k8s.io/v1beta1" },
            { "kind", "Kustomization" },
            { "resources", new YamlSequenceNode(resources.Select(r => new YamlScalarNode(r))) },
        };
        if (kustomization.TargetNamespace is { } ns)
        {
            root.Add("namespace", ns);
        }

        if (kustomization.NamePrefix is { } prefix)
        {
            root.Add("namePrefix", prefix);
        }

        if (kustomization.NameSuffix is { } suffix)
        {
            root.Add("nameSuffix", suffix);
        }

        if (kustomization.Patches is { Children.Count: > 0 } patches)
        {
            root.Add("patches", patches);
        }

        if (kustomization.Images is { Children.Count: > 0 } images)
        {
            root.Add("images", images);
        }

        if (components.Count > 0)
        {
            root.Add("components", new YamlSequenceNode(components.Select(c => new YamlScalarNode(c))));
        }

        var metadata = kustomization.BuildMetadata.Append(OriginAnnotations).Distinct(StringComparer.Ordinal);
        root.Add("buildMetadata", new YamlSequenceNode(metadata.Select(m => new YamlScalarNode(m))));
        return new SerializerBuilder().Build().Serialize(root);
    }
}
