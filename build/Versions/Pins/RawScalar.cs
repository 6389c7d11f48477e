using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Versions.Editing;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Versions.Pins;

/// <summary>A scalar of an unrendered document, found by key path.</summary>
internal sealed record RawScalar(RawDocument Document, IReadOnlyList<YamlPathSegment> Path, YamlScalarNode Node)
{
    public string Value => Node.Value ?? "";

    public SourceLocation Location => new(Document.File, (int)Node.Start.Line, (int)Node.Start.Column);

    public PinSite Site(string text, string? variable) =>
        new(Location, YamlScalarAddress.AtPath(YamlPath.Format(Path), Document.Index), Value, text, variable);

    public static RawScalar? At(RawDocument? document, IReadOnlyList<YamlPathSegment> path)
    {
        if (document is null)
        {
            return null;
        }

        var node = document.Root;
        foreach (var segment in path)
        {
            node = (node, segment) switch
            {
                (YamlMappingNode map, { Key: { } key })
                    when map.Children.TryGetValue(new YamlScalarNode(key), out var next) => next,
                (YamlSequenceNode seq, { IsIndex: true, Index: var i }) when i < seq.Children.Count => seq.Children[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node is YamlScalarNode scalar ? new RawScalar(document, path, scalar) : null;
    }
}
