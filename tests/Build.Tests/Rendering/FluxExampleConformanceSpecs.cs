using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Tests.Rendering;

public sealed class FluxExampleConformanceSpecs
{
    private static string? ExampleRepository =>
        SharedData.FixtureReposRoot is { } root && Directory.Exists(Path.Combine(root, "flux2-kustomize-helm-example"))
            ? Path.Combine(root, "flux2-kustomize-helm-example")
            : null;

    [Theory(Timeout = 120_000)]
    [InlineData("staging", "https://acme-staging-v02.api.letsencrypt.org/directory")]
    [InlineData("production", "https://acme-v02.api.letsencrypt.org/directory")]
    public async Task The_flux2_kustomize_helm_example_clusters_render_without_errors(string cluster, string acmeServer)
    {
        if (ExampleRepository is not { } repository)
        {
            return;
        }

        // Arrange
        using var renderer = new FluxRenderer(KustomizeCli.Locate());

        // Act
        var rendered = await renderer.RenderAsync(
            new RepositoryLayout(repository, "."),
            cluster,
            CancellationToken.None
        );

        // Assert
        rendered.Findings.Where(f => f.Severity == Severity.Error).Should().BeEmpty();
        var kustomizations = rendered
            .Objects.Where(o => o.Manifest.Kind == "Kustomization")
            .Select(o => o.Manifest.Name);
        kustomizations.Should().BeEquivalentTo("apps", "infra-controllers", "infra-configs");
        var issuer = rendered.Objects.Single(o => o.Manifest.Kind == "ClusterIssuer").Manifest;
        issuer.Body.ToString().Should().Contain(acmeServer);
        issuer.Location.File.Should().Be("infrastructure/configs/cluster-issuers.yaml");
        issuer.Location.Line.Should().BeGreaterThan(0);
        var release = rendered.Objects.Single(o => o.Manifest.Kind == "HelmRelease" && o.Manifest.Name == "podinfo");
        release.AppliedBy.Should().Be("flux-system/apps");
        release.Manifest.Namespace.Should().Be("podinfo");
        release.Manifest.Location.File.Should().Be("apps/base/podinfo/release.yaml");
    }
}
