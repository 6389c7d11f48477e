using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Versions.Pins;

/// <summary>One unrendered YAML document of a source file, with its 0-based index in the file.</summary>
internal sealed record RawDocument(string File, int Index, YamlNode Root)
{
    public string? Kind =>
        (Root as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("kind"), out var kind) == true
            ? (kind as YamlScalarNode)?.Value
            : null;

    public string? Name =>
        (Root as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("metadata"), out var metadata) == true
        && metadata is YamlMappingNode map
        && map.Children.TryGetValue(new YamlScalarNode("name"), out var name)
            ? (name as YamlScalarNode)?.Value
            : null;

    public string? Namespace =>
        (Root as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("metadata"), out var metadata) == true
        && metadata is YamlMappingNode map
        && map.Children.TryGetValue(new YamlScalarNode("namespace"), out var ns)
            ? (ns as YamlScalarNode)?.Value
            : null;

    public int StartLine => (int)Root.Start.Line;
}
