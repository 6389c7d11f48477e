using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Tests.Rendering;

public sealed class FluxRendererBadInputSpecs : IDisposable
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  a: b\n";

    private readonly TempDirectory _repo = new();
    private readonly FluxRenderer _renderer = new(KustomizeCli.Locate());

    public void Dispose()
    {
        _renderer.Dispose();
        _repo.Dispose();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_path_is_reported_with_the_kustomizations_file_and_line()
    {
        // Arrange
        _repo.Write(
            "kubernetes/clusters/one/ks.yaml",
            "# first\n" + FluxYaml.Kustomization("apps", "./kubernetes/apps/nope")
        );

        // Act
        var rendered = await RenderAsync();

        // Assert
        var finding = rendered.Findings.Should().ContainSingle(f => f.RuleId == RenderRules.PathMissing.Id).Subject;
        finding.Severity.Should().Be(Severity.Error);
        finding.Location!.ToString().Should().Be("kubernetes/clusters/one/ks.yaml:2");
        finding.Message.Should().Contain("flux-system/apps").And.Contain("./kubernetes/apps/nope");
        finding.Cluster.Should().Be("one");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_kustomize_error_names_the_kustomization_and_kustomizes_own_reason()
    {
        // Arrange
        _repo.Write("kubernetes/clusters/one/ks.yaml", FluxYaml.Kustomization("apps", "./kubernetes/apps"));
        _repo.Write("kubernetes/apps/kustomization.yaml", "resources:\n  - missing.yaml\n");

        // Act
        var rendered = await RenderAsync();

        // Assert
        var finding = rendered.Findings.Should().ContainSingle(f => f.RuleId == RenderRules.KustomizeBuild.Id).Subject;
        finding
            .Message.Should()
            .Contain("flux-system/apps")
            .And.Contain("missing.yaml")
            .And.NotContain("gitops-render-");
        finding.Location!.File.Should().Be("kubernetes/clusters/one/ks.yaml");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unset_variable_is_an_error_naming_the_kustomization_and_the_source_line()
    {
        // Arrange
        WriteApps("postBuild:\n  substitute:\n    KNOWN: yes\n", ConfigMap + "  host: ${UNKNOWN_HOST}\n");

        // Act
        var rendered = await RenderAsync();

        // Assert
        var finding = rendered.Findings.Should().ContainSingle(f => f.RuleId == RenderRules.Substitution.Id).Subject;
        finding.Message.Should().Contain("flux-system/apps").And.Contain("UNKNOWN_HOST");
        finding.Location.Should().Be(new SourceLocation("kubernetes/apps/app.yaml", 7, 9));
        finding.Object.Should().Be("ConfigMap/app");
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_strict_mode_an_unset_variable_becomes_empty()
    {
        // Arrange
        WriteApps(
            "postBuild:\n  substitute:\n    KNOWN: yes\n",
            ConfigMap.Replace("  name: app\n", "  name: app\n  namespace: default\n", StringComparison.Ordinal)
                + "  host: x${UNKNOWN_HOST}\n"
        );
        using var lenient = new FluxRenderer(KustomizeCli.Locate(), new RenderOptions { StrictSubstitution = false });

        // Act
        var rendered = await lenient.RenderAsync(new RepositoryLayout(_repo.Path), "one", CancellationToken.None);

        // Assert
        rendered.Findings.Should().BeEmpty();
        rendered
            .Objects.Single(o => o.Manifest.Kind == "ConfigMap")
            .Manifest.Body.ScalarAt("data", "host")
            .Should()
            .Be("x");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_substitute_from_config_map_is_reported_unless_optional()
    {
        // Arrange
        WriteApps(
            "postBuild:\n  substituteFrom:\n    - kind: ConfigMap\n      name: absent\n    - kind: ConfigMap\n      name: also-absent\n      optional: true\n"
        );

        // Act
        var rendered = await RenderAsync();

        // Assert
        var finding = rendered
            .Findings.Should()
            .ContainSingle(f => f.RuleId == RenderRules.SubstituteFromMissing.Id)
            .Subject;
        finding.Message.Should().Contain("flux-system/absent").And.NotContain("also-absent");
        rendered.Objects.Should().NotContain(o => o.AppliedBy == "flux-system/apps");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dependson_cycle_is_reported_and_does_not_hang()
    {
        // Arrange
        _repo.Write(
            "kubernetes/clusters/one/a.yaml",
            FluxYaml.Kustomization("a", "./kubernetes/apps", "dependsOn:\n  - name: b\n")
        );
        _repo.Write(
            "kubernetes/clusters/one/b.yaml",
            FluxYaml.Kustomization("b", "./kubernetes/apps", "dependsOn:\n  - name: a\n")
        );
        _repo.Write("kubernetes/apps/app.yaml", ConfigMap);

        // Act
        var rendered = await RenderAsync();

        // Assert
        var cycles = rendered.Findings.Where(f => f.RuleId == RenderRules.DependsOnCycle.Id).ToList();
        cycles.Should().HaveCount(2);
        cycles[0]
            .Message.Should()
            .ContainAny(
                "flux-system/a -> flux-system/b -> flux-system/a",
                "flux-system/b -> flux-system/a -> flux-system/b"
            );
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dangling_dependson_is_a_warning_and_the_kustomization_still_renders()
    {
        // Arrange
        WriteApps("dependsOn:\n  - name: ghost\n    namespace: other\n");

        // Act
        var rendered = await RenderAsync();

        // Assert
        rendered
            .Findings.Should()
            .ContainSingle(f =>
                f.RuleId == RenderRules.DependsOnMissing.Id
                && f.Severity == Severity.Warning
                && f.Message.Contains("other/ghost")
            );
        rendered.Objects.Should().Contain(o => o.AppliedBy == "flux-system/apps" && o.Manifest.Name == "app");
    }

    [Fact(Timeout = 60_000)]
    public async Task Sources_that_are_not_this_repository_are_warnings_not_silence()
    {
        // Arrange
        var oci = FluxYaml
            .Kustomization("oci", "./", source: "remote")
            .Replace("kind: GitRepository", "kind: OCIRepository", StringComparison.Ordinal);
        var artifact = FluxYaml
            .Kustomization("artifact", "./", source: "made-elsewhere")
            .Replace("kind: GitRepository", "kind: ExternalArtifact", StringComparison.Ordinal);
        var otherGit = FluxYaml.Kustomization("other", "./", source: "upstream");
        const string upstream =
            "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: upstream\n  namespace: flux-system\nspec:\n  url: https://github.com/someone/else\n";
        _repo.Write("kubernetes/clusters/one/ks.yaml", $"{oci}---\n{artifact}---\n{otherGit}---\n{upstream}");

        // Act
        var rendered = await RenderAsync();

        // Assert
        var unsupported = rendered.Findings.Where(f => f.RuleId == RenderRules.SourceUnsupported.Id).ToList();
        unsupported.Should().HaveCount(3).And.OnlyContain(f => f.Severity == Severity.Warning);
        unsupported
            .Select(f => f.Object)
            .Should()
            .BeEquivalentTo(
                "Kustomization/flux-system/oci",
                "Kustomization/flux-system/artifact",
                "Kustomization/flux-system/other"
            );
    }

    [Fact(Timeout = 60_000)]
    public async Task A_non_kubernetes_file_in_a_generated_folder_is_reported()
    {
        // Arrange
        WriteApps();
        _repo.Write("kubernetes/apps/values.yaml", "replicaCount: 2\n");
        _repo.Write("kubernetes/apps/.sourceignore", "ignored.yaml\n");
        _repo.Write("kubernetes/apps/ignored.yaml", "not: kubernetes\n");

        // Act
        var rendered = await RenderAsync();

        // Assert
        var finding = rendered.Findings.Should().ContainSingle(f => f.RuleId == RenderRules.GenerateFailed.Id).Subject;
        finding.Location!.File.Should().Be("kubernetes/apps/values.yaml");
        rendered.Objects.Should().Contain(o => o.Manifest.Name == "app");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_flux_kustomization_without_namespace_is_reported()
    {
        // Arrange
        _repo.Write(
            "kubernetes/clusters/one/ks.yaml",
            FluxYaml
                .Kustomization("apps", "./kubernetes/apps")
                .Replace("  namespace: flux-system\n", "", StringComparison.Ordinal)
        );
        _repo.Write("kubernetes/clusters/one/kustomization.yaml", "resources:\n  - ks.yaml\n");

        // Act
        var rendered = await RenderAsync();

        // Assert
        rendered
            .Findings.Should()
            .ContainSingle(f => f.RuleId == ManifestRules.MissingField.Id && f.Message.Contains("metadata.namespace"));
    }

    [Fact]
    public async Task An_unknown_cluster_is_a_usage_error_listing_the_known_ones()
    {
        // Arrange
        _repo.Write("kubernetes/clusters/one/ks.yaml", FluxYaml.Kustomization("apps", "./kubernetes/apps"));

        // Act
        var act = () => _renderer.RenderAsync(new RepositoryLayout(_repo.Path), "two", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<UsageException>()).WithMessage("*'two'*known clusters: one*");
    }

    private Task<RenderedCluster> RenderAsync() =>
        _renderer.RenderAsync(new RepositoryLayout(_repo.Path), "one", CancellationToken.None);

    /// <summary>The Kustomization <c>apps</c> (with <paramref name="spec"/>) applying <paramref name="app"/> from <c>kubernetes/apps</c>.</summary>
    private void WriteApps(string? spec = null, string app = ConfigMap)
    {
        _repo.Write("kubernetes/clusters/one/ks.yaml", FluxYaml.Kustomization("apps", "./kubernetes/apps", spec));
        _repo.Write("kubernetes/apps/app.yaml", app);
    }
}
