using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Tests.Validation.Schemas;

/// <summary>Builds <see cref="Manifest"/>s from YAML text, with marks from that text.</summary>
internal static class TestManifests
{
    public static Manifest Parse(string yaml, string file = "apps/demo.yaml", int? documentLine = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var body = (YamlMappingNode)stream.Documents[0].RootNode;
        string? Text(params string[] path)
        {
            YamlNode node = body;
            foreach (var segment in path)
            {
                if (
                    node is not YamlMappingNode mapping
                    || !mapping.Children.TryGetValue(new YamlScalarNode(segment), out var child)
                )
                {
                    return null;
                }

                node = child;
            }

            return (node as YamlScalarNode)?.Value;
        }

        return new Manifest(
            Text("apiVersion") ?? "",
            Text("kind") ?? "",
            Text("metadata", "name") ?? "",
            Text("metadata", "namespace"),
            body,
            new SourceLocation(file, documentLine ?? (int)body.Start.Line)
        );
    }
}
