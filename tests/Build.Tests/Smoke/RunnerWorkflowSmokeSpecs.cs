using GitOpsRunners.Engine;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Fakes.GitHub;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Smoke;

public class RunnerWorkflowSmokeSpecs
{
    [Fact(Timeout = 20000)]
    public async Task The_workflow_runs_once_on_each_scale_set_label_with_the_cluster_as_input()
    {
        await using var server = await GitHubApiServer.StartAsync();
        var console = new TestConsole();

        var labels = await Smoke(server, console)
            .RunAsync(SmokeScenario.Rendered(), "runner-smoke.yml", "main", TimeSpan.FromSeconds(10), default);

        labels.Should().Equal("arc-runners-tst");
        var run = server.Repository("octo", "fleet").WorkflowRuns.Should().ContainSingle().Subject;
        (run.Inputs["runner-label"], run.Inputs["cluster"]).Should().Be(("arc-runners-tst", SmokeScenario.Cluster));
        console.Output.Should().Contain("runner-smoke.yml succeeded on arc-runners-tst");
    }

    [Fact(Timeout = 20000)]
    public async Task A_failed_run_fails_smoke_with_its_conclusion_and_link()
    {
        await using var server = await GitHubApiServer.StartAsync();
        server.Repository("octo", "fleet").DispatchedRunConclusion = "failure";

        var act = () =>
            Smoke(server, new TestConsole())
                .RunAsync(SmokeScenario.Rendered(), "runner-smoke.yml", "main", TimeSpan.FromSeconds(10), default);

        (await act.Should().ThrowAsync<BuildException>())
            .Which.Message.Should()
            .StartWith("The runner-smoke.yml run on arc-runners-tst concluded 'failure' (http");
    }

    [Fact(Timeout = 20000)]
    public async Task A_cluster_without_scale_sets_has_no_label_to_run_on()
    {
        await using var server = await GitHubApiServer.StartAsync();
        var empty = RenderedClusters.FromYaml(
            "aks-empty",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n"
        );

        var act = () =>
            Smoke(server, new TestConsole())
                .RunAsync(empty, "runner-smoke.yml", "main", TimeSpan.FromSeconds(10), default);

        (await act.Should().ThrowAsync<BuildException>())
            .Which.Message.Should()
            .Be("aks-empty defines no runner scale set, so there is no label to run runner-smoke.yml on.");
        server.Repository("octo", "fleet").WorkflowRuns.Should().BeEmpty();
    }

    private static RunnerWorkflowSmoke Smoke(GitHubApiServer server, TestConsole console) =>
        new(console, FleetDispatcher.On(server));
}
