using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Manifests;

/// <summary>Small, null-tolerant readers over the YamlDotNet representation model.</summary>
public static class YamlNodeExtensions
{
    /// <summary>The child of <paramref name="node"/> at the mapping path, or null when any step is missing.</summary>
    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The scalar text at the path; null when absent, not a scalar or an explicit YAML null.</summary>
    public static string? ScalarAt(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar) ? value : null;

    public static YamlMappingNode? MappingAt(this YamlNode? node, params string[] path) => node.At(path) as YamlMappingNode;

    public static YamlSequenceNode? SequenceAt(this YamlNode? node, params string[] path) => node.At(path) as YamlSequenceNode;

    /// <summary>Whether <paramref name="scalar"/> is a plain YAML null (<c>~</c>, <c>null</c>, empty).</summary>
    public static bool IsNull(this YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>String entries of a mapping of scalars (labels, data); non-scalar values are skipped.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(this YamlMappingNode? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null)
        {
            return result;
        }

        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode v)
            {
                result[k] = v.Value ?? "";
            }
        }

        return result;
    }

    /// <summary>Sets (or replaces) a scalar entry, creating intermediate mappings.</summary>
    public static void SetScalar(this YamlMappingNode map, string[] path, string value)
    {
        var current = map;
        foreach (var key in path[..^1])
        {
            if (current.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode next)
            {
                current = next;
                continue;
            }

            next = new YamlMappingNode();
            current.Children[new YamlScalarNode(key)] = next;
            current = next;
        }

        current.Children[new YamlScalarNode(path[^1])] = new YamlScalarNode(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
    }

    /// <summary>Removes an entry by key; returns whether it was there.</summary>
    public static bool RemoveKey(this YamlMappingNode map, string key) => map.Children.Remove(new YamlScalarNode(key));
}
