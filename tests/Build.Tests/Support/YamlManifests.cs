using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Tests.Support;

/// <summary>
/// Manifests and rendered clusters straight from YAML text written in a test: each mapping document becomes a
/// <see cref="Manifest"/> located at its first line in the file the test names.
/// </summary>
public static class YamlManifests
{
    /// <summary>The first document of <paramref name="yaml"/>, located at <paramref name="line"/> or its own first line.</summary>
    public static Manifest Parse(string yaml, string file, int? line = null) =>
        Of((YamlMappingNode)Load(yaml).Documents[0].RootNode, file, line);

    /// <summary>Every mapping document of <paramref name="yaml"/>, in order.</summary>
    public static IReadOnlyList<Manifest> ReadAll(string yaml, string file) =>
        [.. Load(yaml).Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().Select(body => Of(body, file))];

    /// <summary>A rendered cluster holding every document of <paramref name="yaml"/>, each applied by <paramref name="appliedBy"/>.</summary>
    public static RenderedCluster Cluster(
        string name,
        string yaml,
        string file,
        string appliedBy = "flux-system/apps"
    ) => new(name, [.. ReadAll(yaml, file).Select(manifest => new RenderedObject(manifest, appliedBy))], []);

    public static Manifest Of(YamlMappingNode body, string file, int? line = null) =>
        new(
            body.ScalarAt("apiVersion") ?? "",
            body.ScalarAt("kind") ?? "",
            body.ScalarAt("metadata", "name") ?? "",
            body.ScalarAt("metadata", "namespace"),
            body,
            new SourceLocation(file, line ?? (int)body.Start.Line)
        );

    private static YamlStream Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream;
    }
}
