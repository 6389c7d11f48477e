using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support.Git;
using LibGit2Sharp;

namespace GitOpsRunners.Tests.Versions.Bump;

/// <summary>The Bump target through the real runner, against a real registry, a loopback Helm index, a bare origin and the GitHub fake.</summary>
public sealed class BumpTargetSpecs(BumpWorld world) : IClassFixture<BumpWorld>
{
    private const string OldDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private string Runner2337 => $"2.337.0@{world.Runner2337Digest}";

    private string Runner2338 => $"2.338.0@{world.Runner2338Digest}";

    [Fact(Timeout = 60_000)]
    public async Task The_minor_policy_moves_ARC_ESO_and_the_runner_and_changes_only_those_scalars()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", Runner2337);

        // Act
        var (exitCode, output) = await repository.RunAsync(["Bump"]);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        repository.Versions.Should().Be(BumpRepository.VersionsYaml("0.16.0", "2.10.0", Runner2338));
        output
            .Should()
            .Contain("0.15.0")
            .And.Contain("0.16.0")
            .And.Contain("Wrote")
            .And.Contain(BumpRepository.VersionsFile);
        output.Should().Contain("https://github.com/external-secrets/external-secrets/releases/tag/v2.10.0");
    }

    /// <summary>
    /// Under patch the controller has 0.15.1 but the scale set does not, so ARC stays while ESO takes its patch;
    /// under major both ARC charts have 1.0.0. The runner starts at the newest tag each policy would take.
    /// </summary>
    [Theory(Timeout = 60_000)]
    [InlineData("patch", "2.337.0", "0.15.0", "2.9.1")]
    [InlineData("major", "2.338.0", "1.0.0", "3.0.0")]
    public async Task A_policy_takes_the_highest_version_it_allows_and_moves_ARC_only_where_both_charts_have_it(
        string allow,
        string runnerTag,
        string arc,
        string eso
    )
    {
        // Arrange
        var runner = runnerTag == "2.337.0" ? Runner2337 : Runner2338;
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", runner);

        // Act
        var (exitCode, output) = await repository.RunAsync(["Bump", "--allow", allow]);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        repository.Versions.Should().Be(BumpRepository.VersionsYaml(arc, eso, runner));
    }

    [Fact(Timeout = 60_000)]
    public async Task Pre_releases_are_taken_only_with_the_pre_release_flag()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.16.0", "2.10.0", Runner2338);

        // Act
        var (withoutCode, withoutOutput) = await repository.RunAsync(["Bump", "--only", "arc"]);
        var unchanged = repository.Versions;
        var (withCode, withOutput) = await repository.RunAsync([
            "Bump",
            "--only",
            "gha-runner-scale-set",
            "--pre-release",
        ]);

        // Assert
        withoutCode.Should().Be(ExitCodes.Success, withoutOutput);
        unchanged.Should().Be(repository.OriginalVersions);
        withoutOutput.Should().Contain("Nothing to bump");
        withCode.Should().Be(ExitCodes.Success, withOutput);
        repository.Versions.Should().Be(BumpRepository.VersionsYaml("0.16.1-rc.1", "2.10.0", Runner2338));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_new_digest_behind_the_same_tag_is_written_as_a_digest_update()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.16.0", "2.10.0", $"2.338.0@{OldDigest}");

        // Act
        var (exitCode, output) = await repository.RunAsync(["Bump", "--only", "actions-runner"]);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        repository.Versions.Should().Be(BumpRepository.VersionsYaml("0.16.0", "2.10.0", Runner2338));
        output.Should().Contain("digest");
    }

    [Fact(Timeout = 60_000)]
    public async Task Nothing_new_changes_nothing_and_succeeds()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.16.0", "2.10.0", Runner2338);

        // Act
        var (exitCode, output) = await repository.RunAsync(["Bump", "--pr"]);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        output.Should().Contain("Nothing to bump");
        repository.Versions.Should().Be(repository.OriginalVersions);
        repository.Sandbox.OriginBranch($"bump/{BumpRepository.Cluster}/arc").Should().BeNull();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dry_run_prints_the_plan_and_the_diff_and_changes_nothing()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", Runner2337);

        // Act
        var (exitCode, output) = await repository.RunAsync(["Bump", "--dry-run", "--pr"]);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        output
            .Should()
            .Contain($"--- a/{BumpRepository.VersionsFile}")
            .And.Contain("-  ARC_CHART_VERSION: \"0.15.0\"")
            .And.Contain("+  ARC_CHART_VERSION: \"0.16.0\"")
            .And.Contain("+  ESO_CHART_VERSION: '2.10.0'   # single-quoted on purpose")
            .And.Contain($"bump/{BumpRepository.Cluster}/arc");
        repository.Versions.Should().Be(repository.OriginalVersions);
        repository.Sandbox.OriginBranch($"bump/{BumpRepository.Cluster}/arc").Should().BeNull();
    }

    [Fact(Timeout = 90_000)]
    public async Task With_pr_each_group_gets_one_branch_and_one_pull_request_and_a_rerun_updates_them()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", Runner2337);
        var fleet = world.GitHub.Repository(BumpRepository.Owner, BumpRepository.Name + "-pr");

        // Act
        var first = await repository.RunAsync([
            "Bump",
            "--pr",
            "--github-repository",
            $"{BumpRepository.Owner}/{fleet.Name}",
        ]);
        var arcSha = repository.Sandbox.OriginBranch($"bump/{BumpRepository.Cluster}/arc");
        var second = await repository.RunAsync([
            "Bump",
            "--pr",
            "--github-repository",
            $"{BumpRepository.Owner}/{fleet.Name}",
        ]);

        // Assert
        first.ExitCode.Should().Be(ExitCodes.Success, first.Output);
        second.ExitCode.Should().Be(ExitCodes.Success, second.Output);
        fleet
            .PullRequests.Select(p => p.Head)
            .Should()
            .BeEquivalentTo(
                $"bump/{BumpRepository.Cluster}/arc",
                $"bump/{BumpRepository.Cluster}/external-secrets",
                $"bump/{BumpRepository.Cluster}/actions-runner"
            );
        var arc = fleet.PullRequests.Single(p => p.Head.EndsWith("/arc", StringComparison.Ordinal));
        arc.Title.Should().Be($"Bump arc to 0.16.0 in {BumpRepository.Cluster}");
        arc.Base.Should().Be("main");
        arc.Body.Should()
            .Contain("| gha-runner-scale-set-controller | `0.15.0` | `0.16.0` |")
            .And.Contain("releases/tag/gha-runner-scale-set-0.16.0");
        arc.Labels.Should().Contain(["dependencies", "bump"]);
        repository.Sandbox.OriginBranch($"bump/{BumpRepository.Cluster}/arc").Should().Be(arcSha);
        repository
            .Sandbox.OriginFile($"bump/{BumpRepository.Cluster}/arc", BumpRepository.VersionsFile)
            .Should()
            .Be(BumpRepository.VersionsYaml("0.16.0", "2.9.0", Runner2337));
        repository
            .Sandbox.OriginFile($"bump/{BumpRepository.Cluster}/actions-runner", BumpRepository.VersionsFile)
            .Should()
            .Be(BumpRepository.VersionsYaml("0.15.0", "2.9.0", Runner2338));
        repository.Versions.Should().Be(repository.OriginalVersions);
        CurrentBranch(repository).Should().Be("main");
        second.Output.Should().Contain("unchanged");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_registry_that_answers_503_once_is_retried_and_the_bump_succeeds()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", Runner2337);
        world.Proxy.Reset();
        world.Proxy.FailNext(1);

        // Act
        var (exitCode, output) = await repository.RunAsync(["Bump", "--only", "arc"], throughProxy: true);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        world.Proxy.Failed.Should().Be(1);
        repository.Versions.Should().Be(BumpRepository.VersionsYaml("0.16.0", "2.9.0", Runner2337));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_registry_that_keeps_failing_stops_the_run_before_any_file_changes_and_is_named()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", Runner2337);
        world.Proxy.Reset();
        world.Proxy.FailAlways = true;

        // Act
        var (exitCode, output) = await repository.RunAsync(["Bump"], throughProxy: true);
        world.Proxy.Reset();

        // Assert
        exitCode.Should().Be(ExitCodes.TargetFailed);
        output
            .Should()
            .Contain("Nothing was changed")
            .And.Contain("ghcr.io")
            .And.Contain(world.Proxy.Authority)
            .And.Contain("503");
        output.Should().NotContain("   at ");
        repository.Versions.Should().Be(repository.OriginalVersions);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_rejected_push_leaves_the_working_tree_the_branch_and_origin_as_they_were()
    {
        // Arrange: origin served by git daemon, so real receive-pack runs the hook.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", Runner2337);
        using var daemon = await GitDaemon.ServeRefusingOriginAsync(
            repository.Sandbox.OriginPath,
            repository.Root,
            "policy: pushes are frozen"
        );
        if (daemon is null)
        {
            return;
        }

        var fleet = world.GitHub.Repository(BumpRepository.Owner, "frozen");

        // Act
        var (exitCode, output) = await repository.RunAsync([
            "Bump",
            "--pr",
            "--only",
            "arc",
            "--github-repository",
            $"{BumpRepository.Owner}/frozen",
        ]);

        // Assert
        exitCode.Should().Be(ExitCodes.TargetFailed);
        output.Should().Contain("pre-receive hook declined").And.Contain("Nothing was pushed");
        repository.Versions.Should().Be(repository.OriginalVersions);
        CurrentBranch(repository).Should().Be("main");
        LocalBranch(repository, $"bump/{BumpRepository.Cluster}/arc").Should().BeNull();
        repository.Sandbox.OriginBranch($"bump/{BumpRepository.Cluster}/arc").Should().BeNull();
        fleet.PullRequests.Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_GitHub_API_error_says_the_branch_was_pushed_but_its_pull_request_was_not_opened()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", Runner2337);
        var fleet = world.GitHub.Repository(BumpRepository.Owner, "broken-api");
        world.GitHub.Fail(
            GitHubEndpoint.CreatePullRequest,
            GitHubFault.Forbidden("Resource not accessible by integration")
        );

        // Act
        var (exitCode, output) = await repository.RunAsync([
            "Bump",
            "--pr",
            "--only",
            "external-secrets",
            "--github-repository",
            $"{BumpRepository.Owner}/broken-api",
        ]);
        world.GitHub.ClearFaults();

        // Assert
        exitCode.Should().Be(ExitCodes.TargetFailed);
        output
            .Should()
            .Contain("403")
            .And.Contain($"bump/{BumpRepository.Cluster}/external-secrets was pushed")
            .And.Contain("run again");
        repository.Sandbox.OriginBranch($"bump/{BumpRepository.Cluster}/external-secrets").Should().NotBeNull();
        fleet.PullRequests.Should().BeEmpty();
        repository.Versions.Should().Be(repository.OriginalVersions);
        CurrentBranch(repository).Should().Be("main");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_only_that_names_no_pin_is_a_usage_error_listing_the_names()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", Runner2337);

        // Act
        var (exitCode, output) = await repository.RunAsync(["Bump", "--only", "nginx"]);

        // Assert
        exitCode.Should().Be(ExitCodes.Usage);
        output
            .Should()
            .Contain("--only nginx")
            .And.Contain("arc")
            .And.Contain("external-secrets")
            .And.Contain("actions-runner");
        repository.Versions.Should().Be(repository.OriginalVersions);
    }

    private static string? CurrentBranch(BumpRepository repository)
    {
        using var repo = new Repository(repository.Root);
        return repo.Head.FriendlyName;
    }

    private static string? LocalBranch(BumpRepository repository, string branch)
    {
        using var repo = new Repository(repository.Root);
        return repo.Branches[branch]?.Tip.Sha;
    }
}
