using System.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Tests.Fakes.Kubernetes;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Faults;

/// <summary>Servers that never answer, answer slowly or talk nonsense: every request is bounded as a whole, one line names the host.</summary>
public sealed class NetworkFaultSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_registry_that_sends_its_body_a_byte_a_second_times_out_within_the_attempt_limit()
    {
        // Arrange
        await using var trickle = await HangingServer.TricklesAsync(
            """{"name":"org/app","tags":["1.0.0","1.1.0","1.2.0","1.3.0"]}""",
            TimeSpan.FromSeconds(1)
        );
        var client = new OciRegistryClient(
            RegistryHttp.CreateClient(
                new RegistryHttpOptions
                {
                    MaxRetryAttempts = 1,
                    BaseDelay = TimeSpan.FromMilliseconds(5),
                    AttemptTimeout = TimeSpan.FromSeconds(2),
                    UseJitter = false,
                }
            ),
            RegistryCredentialStore.None
        );
        var clock = Stopwatch.StartNew();

        // Act
        var act = () =>
            client.ListTagsAsync(OciReference.Parse($"{trickle.Authority}/org/app"), CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<RegistryException>()).Which;
        clock.Elapsed.Should().BeLessThan(FaultRun.Bound);
        error.Message.Should().StartWith(trickle.Authority).And.Contain("timed out after 2 attempts");
        error.Message.Should().Contain("--request-timeout");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_github_api_that_never_answers_is_one_line_naming_the_host_within_the_request_limit()
    {
        // Arrange
        await using var silent = await HangingServer.NeverAnswersAsync();
        var client = GitHubClientFactory.Create(null, silent.BaseUri, TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();

        // Act
        var act = () => new ReleaseLookup(client).ReleasesAsync("actions", "runner", CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<BuildException>()).Which;
        clock.Elapsed.Should().BeLessThan(FaultRun.Bound);
        error.Message.Should().Contain("The GitHub API at 127.0.0.1 did not answer").And.Contain("within 2.0s");
        error.Message.Should().NotContain("\n");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_github_api_that_answers_500_is_one_line_with_the_status()
    {
        await using var failing = await HangingServer.AnswersAsync(500, """{"message":"Server Error"}""");
        var client = GitHubClientFactory.Create(null, failing.BaseUri, TimeSpan.FromSeconds(2));

        var act = () => new ReleaseLookup(client).ReleasesAsync("actions", "runner", CancellationToken.None);

        (await act.Should().ThrowAsync<BuildException>()).Which.Message.Should().Contain("500");
    }

    [Fact(Timeout = 90_000)]
    public async Task Smoke_against_an_api_server_that_never_answers_ends_at_its_timeout_with_one_line()
    {
        // Act
        var (run, server) = await SmokeAgainstAsync(faults => faults.NeverAnswer = true);

        // Assert
        run.ShouldFailWithOneLine(ExitCodes.TargetFailed, "a silent API server is one clear line");
        run.ErrorLines[0].Should().Contain(server.Authority).And.Contain("did not answer within");
    }

    [Fact(Timeout = 90_000)]
    public async Task Smoke_against_an_api_server_that_answers_garbage_names_the_url()
    {
        var (run, server) = await SmokeAgainstAsync(faults => faults.AnswerGarbage = true);

        run.ShouldFailWithOneLine(ExitCodes.TargetFailed, "garbage from the API server is one clear line");
        run.ErrorLines[0].Should().Contain("not Kubernetes JSON").And.Contain($"GET {server}");
    }

    [Fact(Timeout = 90_000)]
    public async Task A_kubeconfig_that_is_not_yaml_is_one_line()
    {
        using var repo = TwoClusters();
        var kubeconfig = repo.Write("kubeconfig", "clusters: [unclosed\n  - {{{\n");

        var run = await SmokeAlphaAsync(repo, kubeconfig);

        run.ShouldFailWithOneLine(ExitCodes.TargetFailed, "a broken kubeconfig is one clear line");
        run.ErrorLines[0].Should().Contain("not a readable kubeconfig").And.Contain("--kubeconfig");
    }

    /// <summary>
    /// Smoke on cluster alpha of a two-cluster repository against a loopback API server that <paramref name="fault"/>
    /// makes misbehave; the run's outcome and the server's address. The repository must be left as it was.
    /// </summary>
    private static async Task<(FaultRun Run, Uri Server)> SmokeAgainstAsync(Action<ApiFaults> fault)
    {
        await using var server = await KubernetesApiServer.StartAsync();
        fault(server.Faults);
        using var repo = TwoClusters();
        var kubeconfig = server.WriteKubeconfig(repo.Combine("kubeconfig"));
        var before = TreeState.Of(repo.Path);

        var run = await SmokeAlphaAsync(repo, kubeconfig);

        TreeState.Of(repo.Path).Should().Equal(before, "a failed smoke run writes nothing");
        return (run, server.Url);
    }

    /// <summary>Smoke on cluster alpha of <paramref name="repo"/> through <paramref name="kubeconfig"/>, waiting at most 3s.</summary>
    private static Task<FaultRun> SmokeAlphaAsync(TempDirectory repo, string kubeconfig) =>
        FaultRun.StartAsync(
            repo.Path,
            ["Smoke", "--cluster", "alpha", "--kubeconfig", kubeconfig, "--timeout", "3s", "--revision", "abc"]
        );

    internal static TempDirectory TwoClusters()
    {
        var repo = new TempDirectory();
        DirectoryCopy.Tree(FixtureRepository.Path("two-clusters"), repo.Path);
        repo.Write(".nuke/parameters.json", "{}");
        return repo;
    }
}
