using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Tests.Rendering.Conformance;

/// <summary>
/// What exists for a Kustomization is what source-controller archives (fluxcd/pkg <c>sourceignore</c>,
/// <c>artifact/storage.SourceIgnoreFilter</c> and <c>Archive</c>), and spec.path is joined to it as
/// kustomize-controller's <c>securejoin.SecureJoin(tmpDir, obj.Spec.Path)</c> does.
/// </summary>
public sealed class SourceArtifactConformanceSpecs
{
    private static string ConfigMap(string name) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: apps\n";

    [Fact(Timeout = 120_000)]
    public async Task A_spec_path_climbing_above_the_source_stays_at_its_root()
    {
        // Arrange
        using var tree = new ConformanceTree()
            .Write("apps/a/cm.yaml", ConfigMap("a"))
            .Kustomization("a", "../../apps/a");

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        rendered.Findings.Should().NotContain(f => f.Severity == Severity.Error);
        rendered
            .Objects.Should()
            .ContainSingle(o => o.AppliedBy == "flux-system/a")
            .Which.Manifest.Name.Should()
            .Be("a");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_sourceignore_removes_files_for_every_kustomization_scoped_to_its_folder()
    {
        // Arrange: LoadIgnorePatterns scopes each .sourceignore to its folder (the pattern's domain).
        using var tree = new ConformanceTree()
            .Write("apps/a/cm.yaml", ConfigMap("a"))
            .Write("apps/a/extra.yaml", ConfigMap("extra"))
            .Write("apps/a/kustomization.yaml", "resources: [cm.yaml, extra.yaml]\n")
            .Write("apps/a/.sourceignore", "extra.yaml\n")
            .Write("apps/b/cm.yaml", ConfigMap("b"))
            .Write("apps/b/extra.yaml", ConfigMap("b-extra"))
            .Kustomization("a", "./apps/a")
            .Kustomization("b", "./apps/b");

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        ConformanceTree.SingleMessage(rendered, RenderRules.KustomizeBuild.Id).Should().Contain("extra.yaml");
        ConformanceTree.AppliedNames(rendered, "b").Should().Equal("b", "b-extra");
    }

    [Theory(Timeout = 120_000)]
    [InlineData("", new[] { "app" })]
    [InlineData("ignore: |\n  docs/\n", new[] { "app", "cloudbuild" })]
    public async Task A_git_repositorys_spec_ignore_replaces_fluxs_default_patterns(string ignore, string[] applied)
    {
        // Arrange: SourceIgnoreFilter uses the default patterns (cloudbuild.yaml among them) only without others.
        using var tree = new ConformanceTree()
            .Write("apps/g/app.yaml", ConfigMap("app"))
            .Write("apps/g/cloudbuild.yaml", ConfigMap("cloudbuild"))
            .Write("clusters/c/flux-system/gotk-sync.yaml", SourceYaml.GotkSync(ignore))
            .Kustomization("g", "./apps/g");

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        ConformanceTree.AppliedNames(rendered, "g").Should().Equal(applied);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_path_the_source_ignores_is_missing_as_flux_reports_it()
    {
        // Arrange
        using var tree = new ConformanceTree()
            .Write("apps/a/cm.yaml", ConfigMap("a"))
            .Write(".sourceignore", "/apps/\n")
            .Kustomization("a", "./apps/a");

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        ConformanceTree
            .SingleMessage(rendered, RenderRules.PathMissing.Id)
            .Should()
            .Contain("left out of the artifact");
    }
}
