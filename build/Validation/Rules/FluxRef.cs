using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Rules;

/// <summary>A reference from one object to another (<c>{kind, name, namespace}</c>) and where it is written.</summary>
public sealed record FluxRef(Manifest From, string Kind, string Name, string? Namespace, string[] Path)
{
    /// <summary>Reads a <c>{kind, name, namespace}</c> mapping; the namespace defaults to the referrer's.</summary>
    public static FluxRef? Read(Manifest from, string defaultKind, params string[] path)
    {
        var node = from.Body.MappingAt(path);
        var name = node.ScalarAt("name");
        if (node is null || name is null)
        {
            return null;
        }

        return new FluxRef(
            from,
            node.ScalarAt("kind") ?? defaultKind,
            name,
            node.ScalarAt("namespace") ?? from.Namespace,
            path
        );
    }

    /// <summary>Every entry of a <c>dependsOn</c> list.</summary>
    public static IEnumerable<FluxRef> DependsOn(Manifest from)
    {
        foreach (var entry in from.Body.ItemsAt("spec", "dependsOn"))
        {
            var path = new[] { "spec", "dependsOn" };
            if (entry is YamlMappingNode map && map.ScalarAt("name") is { } name)
            {
                yield return new FluxRef(from, from.Kind, name, map.ScalarAt("namespace") ?? from.Namespace, path);
            }
        }
    }

    public string Display => Namespace is { Length: > 0 } ns ? $"{Kind}/{ns}/{Name}" : $"{Kind}/{Name}";
}
