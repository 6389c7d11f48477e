using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Manifests;

/// <summary>Small, null-tolerant readers over the YamlDotNet representation model.</summary>
public static class YamlNodeExtensions
{
    /// <summary>
    /// The child of <paramref name="node"/> at the path (mapping keys, or indices into sequences), or null when any
    /// step is missing.
    /// </summary>
    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (
                current is YamlSequenceNode sequence
                && int.TryParse(
                    key,
                    System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out var index
                )
            )
            {
                current = index < sequence.Children.Count ? sequence.Children[index] : null;
            }
            else if (current is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                current = next;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The scalar text at the path; null when absent, not a scalar or an explicit YAML null.</summary>
    public static string? ScalarAt(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar) ? value : null;

    public static YamlMappingNode? MappingAt(this YamlNode? node, params string[] path) =>
        node.At(path) as YamlMappingNode;

    public static YamlSequenceNode? SequenceAt(this YamlNode? node, params string[] path) =>
        node.At(path) as YamlSequenceNode;

    /// <summary>The items of the sequence at the path; none when it is absent or not a sequence.</summary>
    public static IEnumerable<YamlNode> ItemsAt(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? sequence.Children : [];

    public static int? IntAt(this YamlNode? node, params string[] path) =>
        int.TryParse(
            node.ScalarAt(path),
            System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture,
            out var value
        )
            ? value
            : null;

    public static bool? BoolAt(this YamlNode? node, params string[] path) =>
        node.ScalarAt(path) switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => null,
        };

    /// <summary>1-based line of the node at <paramref name="path"/>, if it exists.</summary>
    public static int? LineOf(this YamlNode? node, params string[] path) =>
        node.At(path) is { } found ? (int)found.Start.Line : null;

    /// <summary>The key node of the last path segment when it is a mapping key (where editors point), else the node.</summary>
    public static YamlNode? KeyOrNode(this YamlNode? node, params string[] path)
    {
        if (path.Length == 0)
        {
            return node;
        }

        var parent = node.At(path[..^1]);
        return parent is YamlMappingNode map
            ? map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == path[^1])
            : parent.At(path[^1]);
    }

    /// <summary>Whether <paramref name="scalar"/> is a plain YAML null (<c>~</c>, <c>null</c>, empty).</summary>
    public static bool IsNull(this YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

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

        current.Children[new YamlScalarNode(path[^1])] = new YamlScalarNode(value)
        {
            Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted,
        };
    }

    /// <summary>Removes an entry by key; returns whether it was there.</summary>
    public static bool RemoveKey(this YamlMappingNode map, string key) => map.Children.Remove(new YamlScalarNode(key));
}
