using System.Text.Json;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Faults;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Versions.Bump;

namespace GitOpsRunners.Tests.Versions.Lookup;

/// <summary>
/// Release look-ups are best effort: whatever keeps the GitHub API from answering (no listener, a name that does
/// not resolve, a rate limit, 429, 5xx, a request that never ends), Bump and <c>Versions --check</c> still work
/// from the registries alone and say once, as a warning, what was left out.
/// </summary>
public sealed class UnreachableGitHubSpecs(BumpWorld world) : IClassFixture<BumpWorld>
{
    public static TheoryData<string> Kinds =>
        [
            "connection refused",
            "name not resolved",
            "rate limit (403)",
            "too many requests (429)",
            "server error (503)",
            "timeout",
        ];

    [Theory(Timeout = 90_000)]
    [MemberData(nameof(Kinds))]
    public async Task Versions_check_and_Bump_work_from_the_registries_when_GitHub_cannot_be_read(string kind)
    {
        // Arrange
        await using var github = await UnreachableGitHub.StartAsync(kind);
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", $"2.337.0@{world.Runner2337Digest}");
        var plan = Path.Combine(repository.Root, "plan.json");
        string[] toGitHub = ["--github-api-url", github.Url, "--request-timeout", "2s"];

        // Act
        var versions = await repository.RunAsync([
            "Versions",
            "--check",
            "--cluster",
            BumpRepository.Cluster,
            .. toGitHub,
        ]);
        var bump = await repository.RunAsync(["Bump", "--dry-run", "--format", "json", "--output", plan, .. toGitHub]);

        // Assert
        versions.ExitCode.Should().Be(ExitCodes.Success, versions.Output);
        versions.Output.Should().Contain("1.0.0").And.Contain("3.0.0");
        bump.ExitCode.Should().Be(ExitCodes.Success, bump.Output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(plan));
        json.RootElement.GetProperty("groups")
            .EnumerateArray()
            .Select(g => g.GetProperty("name").GetString())
            .Should()
            .BeEquivalentTo("arc", "external-secrets", "ghcr.io/home-operations/actions-runner");
        foreach (var run in new[] { versions, bump })
        {
            var warnings = run.Output.Split('\n').Where(l => l.Contains("GitHub releases were not read")).ToList();
            warnings.Should().ContainSingle(run.Output).Which.Should().Contain("warning:").And.Contain(github.Says);
            run.Output.Should().NotContain("   at ");
        }
    }

    [Fact(Timeout = 90_000)]
    public async Task Validate_with_the_runner_age_check_warns_once_and_runs_every_other_check()
    {
        // Arrange
        await using var github = await UnreachableGitHub.StartAsync("server error (503)");
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", $"2.337.0@{world.Runner2337Digest}");

        // Act
        var (exitCode, output) = await repository.RunAsync([
            "Validate",
            "--check-runner-age",
            "--github-api-url",
            github.Url,
            "--schema-location",
            Path.Combine(repository.Root, "no-schemas"),
            "--ignore-missing-schemas",
        ]);

        // Assert: every cluster was checked (this fleet's own findings aside), and no error is about GitHub.
        output
            .Split('\n')
            .Where(l => l.Contains("policy-runner-age was not checked"))
            .Should()
            .ContainSingle(output)
            .Which.Should()
            .Contain("503");
        output.Should().Contain("2 clusters, 45 objects");
        output.Split('\n').Where(l => l.Contains("error")).Should().NotContain(l => l.Contains("GitHub"), output);
        exitCode.Should().NotBe(ExitCodes.Usage);
    }

    /// <summary>A GitHub API base URL that fails in one way, and words of the message that failure gives.</summary>
    private sealed class UnreachableGitHub(string url, string says, IAsyncDisposable? server) : IAsyncDisposable
    {
        public string Url => url;

        public string Says => says;

        public static async Task<UnreachableGitHub> StartAsync(string kind)
        {
            switch (kind)
            {
                case "connection refused":
                    return new($"http://127.0.0.1:{LoopbackPort.Free()}/", "Cannot reach the GitHub API", null);
                case "name not resolved":
                    return new("http://api.github.invalid/", "Cannot reach the GitHub API at api.github.invalid", null);
                case "rate limit (403)":
                    return await FailingAsync(
                        GitHubFault.RateLimited(DateTimeOffset.UtcNow.AddMinutes(30)),
                        "rate limit"
                    );
                case "too many requests (429)":
                    return await FailingAsync(
                        new GitHubFault(
                            429,
                            """{"message":"You have exceeded a secondary rate limit.","documentation_url":"https://docs.github.com/rest"}""",
                            new Dictionary<string, string> { ["Retry-After"] = "60" }
                        ),
                        "429"
                    );
                case "server error (503)":
                    return await FailingAsync(GitHubFault.Json(503, """{"message":"Service Unavailable"}"""), "503");
                default:
                    var silent = await HangingServer.NeverAnswersAsync();
                    return new(silent.BaseUri.AbsoluteUri, "did not answer", silent);
            }
        }

        private static async Task<UnreachableGitHub> FailingAsync(GitHubFault fault, string says)
        {
            var server = await GitHubApiServer.StartAsync();
            foreach (var endpoint in Enum.GetValues<GitHubEndpoint>())
            {
                server.Fail(endpoint, fault, int.MaxValue);
            }

            return new(server.BaseAddress.AbsoluteUri, says, server);
        }

        public async ValueTask DisposeAsync()
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}
