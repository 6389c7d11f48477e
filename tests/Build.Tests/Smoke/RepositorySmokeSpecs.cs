using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Fakes.Kubernetes;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Tests.Smoke;

/// <summary>Smoke against what this repository itself describes for its test cluster.</summary>
public class RepositorySmokeSpecs
{
    private const string Cluster = "aks-myaks-tst-swn-00";
    private const string Commit = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    [Fact]
    public async Task The_repository_expects_the_flux_eso_and_arc_objects_of_its_test_cluster()
    {
        var expected = SmokeExpectations.From(await RenderAsync(), Commit);

        expected
            .Kustomizations.Select(k => k.Key.Name)
            .Should()
            .Contain([
                "apps",
                "infrastructure",
                "external-secrets",
                "external-secrets-stores",
                "gha-runner-scale-set-controller",
                "gha-runner-scale-set",
            ]);
        expected.HelmReleases.Should().Contain(h => h.Key.Name == "gha-runner-scale-set" && h.ChartVersion == "0.15.0");
        expected.ClusterSecretStores.Should().ContainSingle(s => s.Key.Name == "azurekv");
        expected.Secrets.Should().Contain(s => s.ArcCredentials && s.Keys.Contains("github_token"));
        expected
            .ScaleSets.Should()
            .ContainSingle()
            .Which.Should()
            .Match<ExpectedScaleSet>(s => s.Name == "arc-runners-tst" && s.MinRunners == 0);
    }

    [Fact(Timeout = 60000)]
    public async Task Smoke_passes_when_the_cluster_is_in_the_state_the_repository_describes()
    {
        await using var server = await KubernetesApiServer.StartAsync();
        var expected = SmokeExpectations.From(await RenderAsync(), Commit);
        foreach (var obj in HealthyCluster.From(expected, Commit))
        {
            server.Add(obj);
        }

        using var repo = RepositoryCopy.OfThisRepository();
        var kubeconfig = server.WriteKubeconfig(repo.Combine("kubeconfig"));

        var (exitCode, output) = await InProcessBuild.RunAsync(
            repo,
            "Smoke",
            "--cluster",
            Cluster,
            "--kubeconfig",
            kubeconfig,
            "--revision",
            Commit,
            "--timeout",
            "20s"
        );

        exitCode.Should().Be(ExitCodes.Success, output);
    }

    private static async Task<RenderedCluster> RenderAsync()
    {
        using var renderer = new FluxRenderer(KustomizeCli.Locate());
        return await renderer.RenderAsync(new RepositoryLayout(RepositoryRoot.Path), Cluster, CancellationToken.None);
    }
}
