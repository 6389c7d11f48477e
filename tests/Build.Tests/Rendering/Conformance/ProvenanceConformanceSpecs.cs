using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Tests.Rendering.Conformance;

/// <summary>
/// Every <c># source:</c> line and every finding names a repository file and line, never the scratch copy
/// kustomize-controller's way of building needs (<c>Generator.WriteFile</c> rewrites the kustomization file).
/// </summary>
public sealed class ProvenanceConformanceSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task Patched_prefixed_and_generated_objects_point_at_the_repository_lines_they_come_from()
    {
        // Arrange
        using var tree = new ConformanceTree()
            .Write("apps/web/cm.yaml", "# a comment\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n")
            .Write(
                "apps/web/kustomization.yaml",
                "# own file, rewritten by Flux in the scratch copy\nresources:\n  - cm.yaml\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\n"
            )
            .Write("apps/plain/sub/secret.yaml", "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n")
            .Kustomization(
                "web",
                "./apps/web",
                "namePrefix: p-\npatches:\n  - target: {kind: ConfigMap}\n    patch: '[{\"op\":\"add\",\"path\":\"/data\",\"value\":{\"x\":\"y\"}}]'\n"
            )
            .Kustomization("plain", "./apps/plain");

        // Act
        var rendered = await tree.RenderAsync();
        var yaml = RenderedClusterWriter.ToYaml(rendered);

        // Assert
        Location(rendered, "p-web").Should().Be(new SourceLocation("apps/web/cm.yaml", 2));
        Location(rendered, "p-settings-").Should().Be(new SourceLocation("apps/web/kustomization.yaml", 5));
        Location(rendered, "plain").Should().Be(new SourceLocation("apps/plain/sub/secret.yaml", 2));
        yaml.Should().Contain("# source: apps/web/cm.yaml:2  applied-by: flux-system/web");
        yaml.Should().NotContain(Path.GetTempPath()).And.NotContain("gitops-render");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_kustomize_error_names_repository_paths_not_the_scratch_copy()
    {
        // Arrange
        using var tree = new ConformanceTree()
            .Write("apps/bad/kustomization.yaml", "resources: [missing.yaml, ../other]\n")
            .Kustomization("bad", "./apps/bad", "targetNamespace: x\n");

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        var finding = rendered.Findings.Should().ContainSingle(f => f.RuleId == RenderRules.KustomizeBuild.Id).Subject;
        finding.Location.Should().Be(new SourceLocation("clusters/c/bad.yaml", 1));
        finding
            .Message.Should()
            .Contain("missing.yaml")
            .And.NotContain(Path.GetTempPath())
            .And.NotContain("gitops-render");
    }

    private static SourceLocation Location(RenderedCluster cluster, string namePrefix) =>
        cluster
            .Objects.Single(o =>
                o.Manifest.Kind == "ConfigMap" && o.Manifest.Name.StartsWith(namePrefix, StringComparison.Ordinal)
            )
            .Manifest.Location;
}
