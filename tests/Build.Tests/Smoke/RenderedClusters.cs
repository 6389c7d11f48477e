using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Tests.Smoke;

/// <summary>A <see cref="RenderedCluster"/> from multi-document YAML, as the renderer would hand it over.</summary>
internal static class RenderedClusters
{
    public static RenderedCluster FromYaml(string name, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var objects = stream
            .Documents.Select(d => d.RootNode)
            .OfType<YamlMappingNode>()
            .Select(root => new RenderedObject(
                new Manifest(
                    Scalar(root, "apiVersion")!,
                    Scalar(root, "kind")!,
                    Scalar((YamlMappingNode)root["metadata"], "name")!,
                    Scalar((YamlMappingNode)root["metadata"], "namespace"),
                    root,
                    new SourceLocation("kubernetes/rendered.yaml", (int)root.Start.Line)
                ),
                "flux-system/apps"
            ))
            .ToList();
        return new RenderedCluster(name, objects, []);
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
