using System.Text;
using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// fluxcd/pkg <c>kustomize/kustomize_generator.go</c> (<c>Generator.GenerateManifest</c>), which kustomize-controller
/// runs on the folder at <c>spec.path</c>: take the folder's own kustomization file, or generate one that lists
/// every manifest; then, in this order, set <c>namespace</c> from targetNamespace, replace namePrefix and
/// nameSuffix, append spec.patches (patch and target only) and spec.components, merge spec.images by name,
/// and replace buildMetadata with spec.buildMetadata. An existing file without resources gets
/// <c>buildMetadata: [originAnnotations]</c>, as Flux does to avoid kustomize's empty-kustomization error.
/// </summary>
public static class KustomizationGenerator
{
    public const string OriginAnnotations = "originAnnotations";

    private static readonly string[] SelectorFields =
    [
        "group",
        "version",
        "kind",
        "name",
        "namespace",
        "labelSelector",
        "annotationSelector",
    ];

    private static readonly string[] RemotePrefixes =
    [
        "git::",
        "gh:",
        "ssh://",
        "https://",
        "http://",
        "git@",
        "github.com:",
        "github.com/",
    ];

    /// <summary>
    /// <paramref name="existing"/> is the folder's kustomization file text (null when it has none; then
    /// <paramref name="generatedResources"/> are the <c>./</c>-relative entries Flux lists);
    /// <paramref name="exists"/> says whether a folder-relative path exists in the artifact.
    /// </summary>
    public static GeneratedKustomization Generate(
        string? existing,
        IReadOnlyList<string> generatedResources,
        FluxKustomization spec,
        Func<string, bool> exists
    )
    {
        YamlMappingNode root;
        if (existing is null)
        {
            root = new YamlMappingNode
            {
                { "apiVersion", "kustomize.config.k8s.io/v1beta1" },
                { "kind", "Kustomization" },
            };
            if (generatedResources.Count == 0)
            {
                root.Add("namespace", "_placeholder");
            }
            else
            {
                root.Add("resources", Sequence(generatedResources));
            }
        }
        else
        {
            var parsed = YamlFileLoader.Parse(existing, "kustomization.yaml").Documents.FirstOrDefault()?.Root;
            if (parsed is not YamlMappingNode mapping)
            {
                return new GeneratedKustomization(existing, false);
            }

            root = mapping;
            if (root.SequenceAt("resources") is not { Children.Count: > 0 })
            {
                Set(root, "buildMetadata", Sequence([OriginAnnotations]));
            }
        }

        if (spec.TargetNamespace is { } ns)
        {
            Set(root, "namespace", Text(ns));
        }

        if (spec.NamePrefix is { } prefix)
        {
            Set(root, "namePrefix", Text(prefix));
        }

        if (spec.NameSuffix is { } suffix)
        {
            Set(root, "nameSuffix", Text(suffix));
        }

        foreach (var patch in (spec.Patches ?? []).OfType<YamlMappingNode>())
        {
            Append(root, "patches", Patch(patch));
        }

        foreach (var component in spec.Components)
        {
            if (!IsLocalRelativePath(component))
            {
                return new GeneratedKustomization(
                    "",
                    false,
                    $"component path '{component}' must be local and relative"
                );
            }

            if (spec.IgnoreMissingComponents && !exists(component))
            {
                continue;
            }

            Append(root, "components", Text(component));
        }

        foreach (var image in (spec.Images ?? []).OfType<YamlMappingNode>())
        {
            MergeImage(root, image);
        }

        if (spec.BuildMetadata.Count > 0)
        {
            Set(root, "buildMetadata", Sequence(spec.BuildMetadata));
        }

        var metadata = (root.SequenceAt("buildMetadata") ?? [])
            .OfType<YamlScalarNode>()
            .Select(s => s.Value)
            .OfType<string>()
            .ToList();
        var keeps = metadata.Contains(OriginAnnotations);
        if (!keeps)
        {
            Set(root, "buildMetadata", Sequence([.. metadata, OriginAnnotations]));
        }

        return new GeneratedKustomization(Serialize(root), keeps);
    }

    /// <summary>
    /// Everything <see cref="Generate"/> reads, as one text: the same text in the same folder gives the same
    /// kustomization (a folder every cluster renders is generated once).
    /// </summary>
    public static string InputsOf(string? existing, IReadOnlyList<string> generatedResources, FluxKustomization spec)
    {
        const char Unset = '\u0001';
        var text = new StringBuilder();
        void Part(string? value) => text.Append(value ?? Unset.ToString()).Append('\0');
        Part(existing);
        Part(string.Join('\n', generatedResources));
        Part(spec.TargetNamespace);
        Part(spec.NamePrefix);
        Part(spec.NameSuffix);
        Part(spec.Patches is null ? null : Serialize(spec.Patches));
        Part(spec.Images is null ? null : Serialize(spec.Images));
        Part(string.Join('\n', spec.Components));
        Part(spec.IgnoreMissingComponents ? "ignore-missing" : "");
        Part(string.Join('\n', spec.BuildMetadata));
        return text.ToString();
    }

    /// <summary>fluxcd/pkg <c>kustomize.IsLocalRelativePath</c>.</summary>
    public static bool IsLocalRelativePath(string path)
    {
        foreach (var prefix in RemotePrefixes)
        {
            if (prefix.Length < path.Length && path[..prefix.Length].ToLowerInvariant() == prefix)
            {
                return false;
            }
        }

        var withoutScheme = path.ToLowerInvariant().StartsWith("file://", StringComparison.Ordinal) ? path[7..] : path;
        return !path.StartsWith('/') && !withoutScheme.StartsWith('/');
    }

    private static YamlMappingNode Patch(YamlMappingNode patch)
    {
        var result = new YamlMappingNode();
        if (patch.ScalarAt("patch") is { Length: > 0 } text)
        {
            result.Add("patch", Text(text));
        }

        if (patch.MappingAt("target") is { } target)
        {
            var selector = new YamlMappingNode();
            foreach (var field in SelectorFields)
            {
                if (target.ScalarAt(field) is { Length: > 0 } value)
                {
                    selector.Add(field, Text(value));
                }
            }

            result.Add("target", selector);
        }

        return result;
    }

    private static void MergeImage(YamlMappingNode root, YamlMappingNode image)
    {
        var name = image.ScalarAt("name") ?? "";
        var newName = image.ScalarAt("newName") ?? "";
        var newTag = image.ScalarAt("newTag") ?? "";
        var digest = image.ScalarAt("digest") ?? "";
        var existing = (root.SequenceAt("images") ?? [])
            .OfType<YamlMappingNode>()
            .FirstOrDefault(i => (i.ScalarAt("name") ?? "") == name);
        if (existing is null)
        {
            var entry = new YamlMappingNode { { "name", Text(name) } };
            AddIfSet(entry, "newName", newName);
            AddIfSet(entry, "newTag", newTag);
            AddIfSet(entry, "digest", digest);
            Append(root, "images", entry);
            return;
        }

        if (newName.Length > 0)
        {
            Set(existing, "newName", Text(newName));
        }

        if (newTag.Length > 0 || digest.Length > 0)
        {
            existing.RemoveKey("newTag");
            existing.RemoveKey("digest");
            AddIfSet(existing, "newTag", newTag);
            AddIfSet(existing, "digest", digest);
        }
    }

    private static void AddIfSet(YamlMappingNode map, string key, string value)
    {
        if (value.Length > 0)
        {
            map.Add(key, Text(value));
        }
    }

    private static void Append(YamlMappingNode root, string key, YamlNode item)
    {
        if (root.SequenceAt(key) is { } sequence)
        {
            sequence.Add(item);
        }
        else
        {
            Set(root, key, new YamlSequenceNode(item));
        }
    }

    private static void Set(YamlMappingNode map, string key, YamlNode value) =>
        map.Children[new YamlScalarNode(key)] = value;

    private static YamlSequenceNode Sequence(IEnumerable<string> values) => new(values.Select(Text));

    private static YamlScalarNode Text(string value) => new(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };

    private static string Serialize(YamlNode root)
    {
        var text = new StringBuilder();
        using var writer = new StringWriter(text);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return text.ToString();
    }
}
