using GitOpsRunners.Engine;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Fakes.GitHub;

namespace GitOpsRunners.Tests.Smoke;

public class WorkflowDispatcherSpecs
{
    [Fact(Timeout = 20000)]
    public async Task A_dispatched_run_that_succeeds_is_reported_with_its_inputs_and_link()
    {
        await using var server = await GitHubApiServer.StartAsync();

        var result = await DispatchAsync(
            server,
            TimeSpan.FromSeconds(10),
            ".github/workflows/runner-smoke.yml",
            new Dictionary<string, string> { ["runner-label"] = "arc-runners-tst" }
        );

        result.Succeeded.Should().BeTrue();
        result.HtmlUrl!.ToString().Should().Contain("/octo/fleet/actions/runs/");
        var run = server.Repository("octo", "fleet").WorkflowRuns.Should().ContainSingle().Subject;
        (run.Workflow, run.Ref, run.Inputs["runner-label"])
            .Should()
            .Be(("runner-smoke.yml", "main", "arc-runners-tst"));
    }

    [Fact(Timeout = 20000)]
    public async Task A_failed_run_reports_its_conclusion()
    {
        await using var server = await GitHubApiServer.StartAsync();
        server.Repository("octo", "fleet").DispatchedRunConclusion = "failure";

        var result = await DispatchAsync(server, TimeSpan.FromSeconds(10));

        (result.Succeeded, result.Conclusion).Should().Be((false, "failure"));
    }

    [Fact(Timeout = 20000)]
    public async Task A_run_that_never_completes_ends_at_the_timeout_without_a_conclusion()
    {
        await using var server = await GitHubApiServer.StartAsync();
        server.Repository("octo", "fleet").DispatchedRunConclusion = null;

        var result = await DispatchAsync(server, TimeSpan.FromSeconds(2), poll: TimeSpan.FromMilliseconds(50));

        result.Conclusion.Should().BeNull();
        result.RunId.Should().BeGreaterThan(0);
    }

    [Fact(Timeout = 20000)]
    public async Task Bad_credentials_fail_the_dispatch_with_a_clear_message()
    {
        await using var server = await GitHubApiServer.StartAsync();

        var act = () => DispatchAsync(server, TimeSpan.FromSeconds(5), token: "wrong-token");

        (await act.Should().ThrowAsync<BuildException>()).Which.Message.Should().Contain("GITHUB_TOKEN");
    }

    /// <summary>Dispatches <paramref name="workflow"/> on main through the product's dispatcher and waits up to <paramref name="timeout"/>.</summary>
    private static Task<WorkflowRunResult> DispatchAsync(
        GitHubApiServer server,
        TimeSpan timeout,
        string workflow = "runner-smoke.yml",
        Dictionary<string, string>? inputs = null,
        TimeSpan? poll = null,
        string? token = null
    ) =>
        FleetDispatcher
            .On(server, token, poll)
            .DispatchAndWaitAsync(workflow, "main", inputs ?? [], timeout, CancellationToken.None);
}
