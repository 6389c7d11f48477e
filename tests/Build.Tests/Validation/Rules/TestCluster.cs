using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation.Rules;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Tests.Validation.Rules;

/// <summary>Builds a rendered cluster from inline YAML documents, each applied by a named Kustomization.</summary>
public static class TestCluster
{
    public static RenderedCluster From(string yaml, string appliedBy = "flux-system/apps")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var objects = stream
            .Documents.Where(d => d.RootNode is YamlMappingNode)
            .Select(d =>
            {
                var body = (YamlMappingNode)d.RootNode;
                var manifest = new Manifest(
                    body.ScalarAt("apiVersion")!,
                    body.ScalarAt("kind")!,
                    body.ScalarAt("metadata", "name")!,
                    body.ScalarAt("metadata", "namespace"),
                    body,
                    new SourceLocation("test.yaml", (int)body.Start.Line)
                );
                return new RenderedObject(manifest, appliedBy);
            })
            .ToList();
        return new RenderedCluster("test", objects, []);
    }

    public static IReadOnlyList<GitOpsRunners.Diagnostics.Finding> Check(IClusterRule rule, string yaml) =>
        rule.Check(RuleContext.For(From(yaml))).ToList();
}
