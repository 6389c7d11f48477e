using System.Text;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Tests.Rendering;

public sealed class FluxRendererSpecs : IAsyncLifetime
{
    private readonly FluxRenderer _renderer = new(KustomizeCli.Locate());
    private readonly RepositoryLayout _layout = new(FixtureRepository.Path("two-clusters"));
    private IReadOnlyList<RenderedCluster> _clusters = [];

    private RenderedCluster Alpha => _clusters.Single(c => c.Name == "alpha");

    private RenderedCluster Beta => _clusters.Single(c => c.Name == "beta");

    public async Task InitializeAsync() => _clusters = await _renderer.RenderAllAsync(_layout, CancellationToken.None);

    public Task DisposeAsync()
    {
        _renderer.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Both_clusters_render_without_error_findings()
    {
        // Assert
        _clusters.Select(c => c.Name).Should().Equal("alpha", "beta");
        _clusters.SelectMany(c => c.Findings).Where(f => f.Severity == Severity.Error).Should().BeEmpty();
    }

    [Fact]
    public void The_spec_overlay_sets_target_namespace_image_patch_and_common_labels()
    {
        // Act
        var web = Object(Alpha, "Deployment", "web");

        // Assert
        web.Namespace.Should().Be("web");
        web.Body.ScalarAt("metadata", "labels", "patched-by").Should().Be("alpha");
        web.Body.ScalarAt("metadata", "labels", "team").Should().Be("platform");
        web.Body.ScalarAt("metadata", "labels", "kustomize.toolkit.fluxcd.io/name").Should().Be("apps");
        web.Body.ToString().Should().Contain("nginx:1.27");
        Object(Beta, "Deployment", "web").Body.ToString().Should().Contain("nginx:1.25");
    }

    [Fact]
    public void Variables_come_from_the_cluster_config_map_and_inline_substitute_wins()
    {
        // Act
        var alpha = Object(Alpha, "Deployment", "web");
        var beta = Object(Beta, "Deployment", "web");

        // Assert
        alpha.Body.ScalarAt("metadata", "annotations", "example.com/host").Should().Be("web.alpha.example.com");
        alpha.Body.ScalarAt("metadata", "annotations", "example.com/color").Should().Be("green");
        alpha.Body.ScalarAt("metadata", "annotations", "example.com/tier").Should().Be("frontend");
        beta.Body.ScalarAt("metadata", "annotations", "example.com/host").Should().Be("web.beta.example.com");
        beta.Body.ScalarAt("metadata", "annotations", "example.com/color").Should().Be("red");
    }

    [Fact]
    public void Secret_values_are_used_for_substitution_but_never_appear_in_the_result()
    {
        // Act
        var yaml = string.Join("\n", _clusters.Select(RenderedClusterWriter.ToYaml));
        var secret = Object(Alpha, "Secret", "cluster-secrets");

        // Assert
        yaml.Should()
            .NotContain("super-secret-token")
            .And.NotContain("beta-token-value")
            .And.NotContain("c3VwZXItc2VjcmV0LXRva2Vu");
        Object(Alpha, "Deployment", "web")
            .Body.ScalarAt("metadata", "annotations", "example.com/token")
            .Should()
            .Be("..PLACEHOLDER_API_TOKEN..");
        Encoding
            .UTF8.GetString(Convert.FromBase64String(secret.Body.ScalarAt("data", "API_TOKEN")!))
            .Should()
            .Be("..PLACEHOLDER_API_TOKEN..");
        Object(Beta, "Secret", "cluster-secrets")
            .Body.ScalarAt("stringData", "API_TOKEN")
            .Should()
            .Be("..PLACEHOLDER_API_TOKEN..");
    }

    [Fact]
    public void A_resource_with_substitution_disabled_keeps_its_dollar_braces()
    {
        // Act
        var literal = Object(Alpha, "ConfigMap", "literal");

        // Assert
        literal.Body.ScalarAt("data", "script").Should().Be("echo ${NOT_A_FLUX_VARIABLE}");
    }

    [Fact]
    public void Dependencies_and_substitute_from_sources_are_rendered_first()
    {
        // Act
        var alphaOrder = Alpha.Objects.Select(o => o.AppliedBy).Distinct().ToList();
        var betaOrder = Beta.Objects.Select(o => o.AppliedBy).Distinct().ToList();

        // Assert
        alphaOrder.Should().Equal("flux-system/flux-system", "flux-system/config", "flux-system/apps");
        betaOrder.Should().Equal("flux-system/flux-system", "flux-system/config", "flux-system/apps");
    }

    [Fact]
    public void Every_object_points_at_its_source_file_and_line()
    {
        // Act
        var web = Object(Alpha, "Deployment", "web");
        var generated = Alpha
            .Objects.Single(o => o.Manifest.Name.StartsWith("web-env-", StringComparison.Ordinal))
            .Manifest;
        var service = Object(Alpha, "Service", "web");

        // Assert
        web.Location.Should().Be(new SourceLocation("kubernetes/apps/web/deployment.yaml", 10));
        service.Location.Should().Be(new SourceLocation("kubernetes/apps/web/deployment.yaml", 1));
        generated.Location.File.Should().Be("kubernetes/apps/web/kustomization.yaml");
        generated.Location.Line.Should().Be(7);
        Object(Beta, "Secret", "cluster-secrets").Location.File.Should().Be("kubernetes/config/beta/extra/secret.yaml");
        web.Body.ScalarAt("metadata", "annotations", "config.kubernetes.io/origin").Should().BeNull();
    }

    [Fact]
    public void A_committed_gotk_sync_is_the_root_and_is_not_reported_as_a_duplicate()
    {
        // Act
        var beta = ClusterDiscovery.Discover(_layout, "beta");
        var alpha = ClusterDiscovery.Discover(_layout, "alpha");

        // Assert
        beta.RootIsCommitted.Should().BeTrue();
        beta.RepositoryUrl.Should().Be("ssh://git@github.com/example/fleet.git");
        beta.Root.Location.File.Should().Be("kubernetes/clusters/beta/flux-system/gotk-sync.yaml");
        alpha.RootIsCommitted.Should().BeFalse();
        alpha.Root.Path.Should().Be("./kubernetes/clusters/alpha");
        Beta.Objects.Count(o => o.Manifest.Kind == "Kustomization" && o.Manifest.Name == "flux-system").Should().Be(1);
        Beta.Findings.Should().NotContain(f => f.RuleId == RenderRules.KustomizationDuplicate.Id);
    }

    [Fact]
    public void The_writer_puts_source_and_applier_above_each_document()
    {
        // Act
        var yaml = RenderedClusterWriter.ToYaml(Alpha);

        // Assert
        yaml.Should()
            .Contain(
                "# source: kubernetes/apps/web/deployment.yaml:10  applied-by: flux-system/apps\napiVersion: apps/v1\nkind: Deployment"
            );
        yaml.Split("\n---\n").Length.Should().Be(Alpha.Objects.Count + 1);
    }

    private static Manifest Object(RenderedCluster cluster, string kind, string name) =>
        cluster.Objects.Single(o => o.Manifest.Kind == kind && o.Manifest.Name == name).Manifest;
}
