using GitOpsRunners.Engine;

namespace GitOpsRunners.Tests.Versions.Bump;

/// <summary>
/// Bump changes the first stage of the promotion order; a later stage is refused with the way to promote to it,
/// unless <c>--force</c> names a reason, which the commit and the pull request then carry.
/// </summary>
public sealed class BumpStageSpecs(BumpWorld world) : IClassFixture<BumpWorld>
{
    private const string Production = "aks-myaks-prd-swn-00";
    private const string ProductionVersions = $"kubernetes/apps/overlays/{Production}/cluster-versions.yaml";

    [Fact(Timeout = 60_000)]
    public async Task Bumping_a_later_stage_is_refused_in_one_line_that_names_the_order_and_the_Promote_command()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", $"2.337.0@{world.Runner2337Digest}");
        var before = repository.Sandbox.ReadWorkingFile(ProductionVersions);

        // Act
        var (exitCode, output) = await repository.RunAsync(["Bump", "--cluster", Production]);

        // Assert
        exitCode.Should().Be(ExitCodes.Usage, output);
        var refusal = output.Split('\n').Where(l => l.StartsWith("error", StringComparison.Ordinal)).ToList();
        refusal
            .Should()
            .ContainSingle(output)
            .Which.Should()
            .Contain($"{BumpRepository.Cluster} -> {Production}")
            .And.Contain($"./build.sh Promote --from {BumpRepository.Cluster}")
            .And.Contain("--force-reason");
        repository.Sandbox.ReadWorkingFile(ProductionVersions).Should().Be(before);
    }

    [Fact(Timeout = 60_000)]
    public async Task Force_without_a_reason_is_a_usage_error()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", $"2.337.0@{world.Runner2337Digest}");
        var before = repository.Sandbox.ReadWorkingFile(ProductionVersions);

        // Act
        var (exitCode, output) = await repository.RunAsync(["Bump", "--cluster", Production, "--force"]);

        // Assert
        exitCode.Should().Be(ExitCodes.Usage, output);
        output.Should().Contain("--force needs --force-reason");
        repository.Sandbox.ReadWorkingFile(ProductionVersions).Should().Be(before);
    }

    [Fact(Timeout = 90_000)]
    public async Task Force_with_a_reason_bumps_the_later_stage_and_records_the_reason_in_the_commit_and_the_pull_request()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", $"2.337.0@{world.Runner2337Digest}");
        var fleet = world.GitHub.Repository(BumpRepository.Owner, "forced");
        const string Reason = "CVE-2026-0001 is exploited in production; the test cluster is down";
        var branch = $"bump/{Production}/external-secrets";

        // Act
        var (exitCode, output) = await repository.RunAsync([
            "Bump",
            "--cluster",
            Production,
            "--only",
            "external-secrets",
            "--pr",
            "--force",
            "--force-reason",
            Reason,
            "--github-repository",
            $"{BumpRepository.Owner}/forced",
        ]);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        repository.Sandbox.OriginFile(branch, ProductionVersions).Should().Contain("ESO_CHART_VERSION: \"2.10.0\"");
        repository.Sandbox.OriginCommit(branch)!.Value.Message.Should().Contain(Reason).And.Contain("--force");
        var pullRequest = fleet.PullRequests.Should().ContainSingle().Which;
        pullRequest.Head.Should().Be(branch);
        pullRequest.Body.Should().Contain(Reason).And.Contain("past the promotion order");
    }
}
