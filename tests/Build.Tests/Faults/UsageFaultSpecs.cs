using GitOpsRunners.Engine;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Tests.Faults;

/// <summary>Values a user can mistype: each is a usage error on one line, before anything runs.</summary>
public sealed class UsageFaultSpecs
{
    [Theory(Timeout = 60_000)]
    [InlineData("99999999999d", "longer than the longest allowed")]
    [InlineData("-5s", "not a duration")]
    [InlineData("0s", "must be longer than zero")]
    public async Task A_smoke_timeout_out_of_range_is_a_usage_error(string timeout, string says)
    {
        using var repo = NetworkFaultSpecs.TwoClusters();

        var run = await FaultRun.StartAsync(repo.Path, ["Smoke", "--cluster", "alpha", "--timeout", timeout]);

        run.ShouldFailWithOneLine(ExitCodes.Usage, "the timeout is the user's mistake");
        run.ErrorLines[0].Should().Contain($"--timeout {timeout}").And.Contain(says);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("-1")]
    [InlineData("11")]
    public async Task Registry_retries_out_of_range_are_a_usage_error(string retries)
    {
        using var repo = NetworkFaultSpecs.TwoClusters();

        var run = await FaultRun.StartAsync(repo.Path, ["Bump", "--dry-run", "--registry-retries", retries]);

        run.ShouldFailWithOneLine(ExitCodes.Usage, "a negative retry count is the user's mistake");
        run.ErrorLines[0].Should().Contain("--registry-retries").And.Contain("from 0 to 10");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_value_that_looks_like_an_option_is_refused()
    {
        using var repo = NetworkFaultSpecs.TwoClusters();

        var run = await FaultRun.StartAsync(repo.Path, ["Promote", "--from", "--x", "--dry-run"]);

        run.ShouldFailWithOneLine(ExitCodes.Usage, "--from lost its value");
        run.ErrorLines[0].Should().Contain("--from --x").And.Contain("looks like an option");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failing_dotnet_test_run_returns_its_exit_code_instead_of_throwing()
    {
        using var results = new Support.TempDirectory();

        var exitCode = await new DotNetCli().TestAsync(
            results.Combine("missing.csproj"),
            results.Combine("results"),
            null,
            results.Path,
            _ => { },
            CancellationToken.None
        );

        exitCode.Should().NotBe(0);
    }
}
