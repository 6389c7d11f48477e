using GitOpsRunners.Diagnostics;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Rendering.Conformance;

/// <summary>
/// Which files a Kustomization's <c>spec.sourceRef</c> gives it: kustomize-controller's <c>getSource</c> (a missing
/// namespace is the Kustomization's own), source-controller's checkout of <c>spec.ref</c>, and source-watcher's
/// <c>internal/builder</c> for ArtifactGenerators.
/// </summary>
public sealed class SourcesConformanceSpecs
{
    private static string ConfigMap(string name, string version = "1") =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: apps\ndata:\n  version: \"{version}\"\n";

    [Fact(Timeout = 120_000)]
    public async Task A_source_ref_without_namespace_is_the_kustomizations_own_namespace_not_flux_system()
    {
        // Arrange
        using var tree = new ConformanceTree()
            .Write("apps/a/cm.yaml", ConfigMap("a"))
            .Write(
                "clusters/c/tenant.yaml",
                SourceYaml.GitRepository("flux-system", "https://github.com/example/tenant", @namespace: "tenant")
                    + "---\n"
                    + FluxYaml.Kustomization("app", "./apps/a", @namespace: "tenant")
            );

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        rendered.Objects.Should().NotContain(o => o.AppliedBy == "tenant/app");
        ConformanceTree
            .SingleMessage(rendered, RenderRules.SourceUnsupported.Id)
            .Should()
            .Contain("GitRepository/tenant/flux-system (https://github.com/example/tenant)");
    }

    [Fact(Timeout = 120_000)]
    public async Task An_artifact_generator_copies_a_plain_folder_as_a_sub_folder_that_keeps_its_name()
    {
        // Arrange: applySingleDirectoryCopy copies '@repo/apps/base' to '<to>/base' (cp -r semantics).
        using var tree = new ConformanceTree()
            .Write("apps/base/cm.yaml", ConfigMap("base"))
            .Write(
                "clusters/c/artifact.yaml",
                SourceYaml.ArtifactGenerator("@repo/apps/base")
                    + "---\n"
                    + SourceYaml.ArtifactKustomization("kept", "./base")
                    + "---\n"
                    + SourceYaml.ArtifactKustomization("flattened", "./")
            );

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        var kept = rendered.Objects.Should().ContainSingle(o => o.AppliedBy == "flux-system/kept").Subject;
        kept.Manifest.Location.Should().Be(new SourceLocation("apps/base/cm.yaml", 1));
        var flattened = rendered.Objects.Where(o => o.AppliedBy == "flux-system/flattened").ToList();
        flattened.Should().ContainSingle().Which.Manifest.Location.File.Should().Be("apps/base/cm.yaml");
        rendered.Findings.Should().NotContain(f => f.Severity == Severity.Error);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("@repo/apps/missing", "source 'apps/missing' does not exist")]
    [InlineData("@repo/apps/*.json", "no files match pattern 'apps/*.json'")]
    public async Task An_artifact_generator_copy_that_finds_nothing_fails_as_source_watcher_fails_it(
        string from,
        string error
    )
    {
        // Arrange: applySingleSourceCopy and applyCopyOperation return these errors; the artifact is never built.
        using var tree = new ConformanceTree()
            .Write("apps/base/cm.yaml", ConfigMap("base"))
            .Write(
                "clusters/c/artifact.yaml",
                SourceYaml.ArtifactGenerator(from) + "---\n" + SourceYaml.ArtifactKustomization("apps", "./")
            );

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        ConformanceTree.SingleMessage(rendered, RenderRules.ArtifactGenerator.Id).Should().Contain(error);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_git_repository_of_this_repository_at_another_ref_renders_that_ref_from_history()
    {
        // Arrange
        using var tree = new ConformanceTree()
            .Write("apps/a/cm.yaml", ConfigMap("a", "old"))
            .Write("clusters/c/flux-system/gotk-sync.yaml", SourceYaml.GotkSync())
            .CommitAndTag("v1.0.0")
            .Write("apps/a/cm.yaml", ConfigMap("a", "new"))
            .Write(
                "clusters/c/pinned.yaml",
                SourceYaml.KustomizationAtTag("pinned", SourceYaml.FleetUrl + ".git", "v1.0.0", "./apps/a")
                    + "---\n"
                    + SourceYaml.KustomizationAtTag("future", SourceYaml.FleetUrl, "v9.9.9", "./apps/a")
            )
            .Kustomization("current", "./apps/a");

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        var pinned = rendered.Objects.Should().ContainSingle(o => o.AppliedBy == "flux-system/pinned").Subject.Manifest;
        pinned.Body.ToString().Should().Contain("old");
        pinned.Location.Should().Be(new SourceLocation("v1.0.0:apps/a/cm.yaml", 1));
        rendered
            .Objects.Should()
            .ContainSingle(o => o.AppliedBy == "flux-system/current")
            .Which.Manifest.Body.ToString()
            .Should()
            .Contain("new");
        ConformanceTree
            .SingleMessage(rendered, RenderRules.SourceUnsupported.Id)
            .Should()
            .Contain("tag 'v9.9.9' is not in the local Git history");
    }
}
