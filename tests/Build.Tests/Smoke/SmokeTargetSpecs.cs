using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes.Kubernetes;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Smoke;

/// <summary>The Smoke target end to end: render the cluster from the repository, then ask the (loopback) API server.</summary>
public class SmokeTargetSpecs
{
    [Fact]
    public async Task Smoke_against_an_empty_cluster_fails_listing_what_is_missing()
    {
        await using var server = await KubernetesApiServer.StartAsync();
        using var repo = RepositoryCopy.OfFixture("two-clusters");
        var kubeconfig = server.WriteKubeconfig(repo.Combine("kubeconfig"));

        var (exitCode, output) = await SmokeAlphaAsync(repo, kubeconfig, "0123456789abcdef0123456789abcdef01234567");

        exitCode.Should().Be(ExitCodes.TargetFailed, output);
        output.Should().Contain("Smoke failed on alpha");
        output.Should().Contain("Kustomization");
    }

    [Fact]
    public async Task An_unreachable_api_server_is_one_clear_line_and_exit_1()
    {
        using var repo = RepositoryCopy.OfFixture("two-clusters");
        var kubeconfig = repo.Write(
            "kubeconfig",
            """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            current-context: x
            """
        );

        var (exitCode, output) = await SmokeAlphaAsync(repo, kubeconfig, "abc");

        exitCode.Should().Be(ExitCodes.TargetFailed, output);
        output.Should().Contain("127.0.0.1:9").And.NotContain("   at ");
    }

    [Fact]
    public async Task Smoke_needs_a_cluster()
    {
        using var repo = RepositoryCopy.OfFixture("two-clusters");

        var (exitCode, output) = await InProcessBuild.RunAsync(repo, "Smoke");

        exitCode.Should().NotBe(ExitCodes.Success);
        output.Should().Contain("Smoke requires --cluster (or environment variable CLUSTER)");
    }

    /// <summary>Runs Smoke on cluster alpha against <paramref name="kubeconfig"/> with a one-second timeout.</summary>
    private static Task<BuildRun> SmokeAlphaAsync(TempDirectory repo, string kubeconfig, string revision) =>
        InProcessBuild.RunAsync(
            repo,
            "Smoke",
            "--cluster",
            "alpha",
            "--kubeconfig",
            kubeconfig,
            "--timeout",
            "1s",
            "--revision",
            revision
        );
}
