using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Small, null-safe reads of YAML mappings by key path.</summary>
public static class YamlQuery
{
    public static YamlNode? Node(this YamlNode? node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is YamlSequenceNode sequence
                && int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
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

    /// <summary>The key node of the last path segment when it is a mapping key (where editors point), else the node.</summary>
    public static YamlNode? KeyOrNode(this YamlNode? node, params string[] path)
    {
        if (path.Length == 0)
        {
            return node;
        }

        var parent = node.Node(path[..^1]);
        if (parent is YamlMappingNode map)
        {
            var key = map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == path[^1]);
            return key;
        }

        return parent.Node(path[^1]);
    }

    public static string? Str(this YamlNode? node, params string[] path) =>
        node.Node(path) is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar) ? value : null;

    public static YamlMappingNode? Map(this YamlNode? node, params string[] path) => node.Node(path) as YamlMappingNode;

    public static IEnumerable<YamlNode> Seq(this YamlNode? node, params string[] path) =>
        node.Node(path) is YamlSequenceNode seq ? seq.Children : [];

    public static int? Int(this YamlNode? node, params string[] path) =>
        int.TryParse(node.Str(path), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool? Bool(this YamlNode? node, params string[] path) => node.Str(path) switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    /// <summary>1-based line of the node at <paramref name="path"/>, if it exists.</summary>
    public static int? LineOf(this YamlNode? node, params string[] path) =>
        node.Node(path) is { } found ? (int)found.Start.Line : null;

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "null" or "~" or "";
}
