using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Fakes.Kubernetes;
using GitOpsRunners.Tests.Support;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Smoke;

public sealed class SmokeServiceSpecs : IAsyncLifetime
{
    private readonly TestConsole _console = new TestConsole().Width(250);
    private readonly TempDirectory _temp = new();
    private KubernetesApiServer _server = null!;

    public async Task InitializeAsync() => _server = await KubernetesApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private Task<SmokeReport> RunAsync(string revision, TimeSpan timeout) =>
        new SmokeService(_console, TimeProvider.System).RunAsync(
            SmokeScenario.Rendered(),
            new SmokeOptions(
                _server.WriteKubeconfig(_temp.Combine("kubeconfig"), "aks-test"),
                "aks-test",
                revision,
                timeout,
                TimeSpan.FromMilliseconds(100)
            ),
            CancellationToken.None
        );

    [Fact(Timeout = 20_000)]
    public async Task A_deploy_of_the_given_commit_passes_through_the_kubeconfig_context()
    {
        SmokeScenario.Load(_server);

        var report = await RunAsync(SmokeScenario.Commit, TimeSpan.FromSeconds(5));

        report.ExitCode.Should().Be(0, string.Join('\n', report.NotPassed));
    }

    [Fact(Timeout = 20_000)]
    public async Task Another_commit_than_the_one_applied_times_out_on_every_kustomization()
    {
        SmokeScenario.Load(_server);

        var report = await RunAsync("0000000000000000000000000000000000000bad", TimeSpan.FromMilliseconds(400));

        report.TimedOut.Should().BeTrue();
        report
            .NotPassed.Select(r => r.Object)
            .Should()
            .Equal("Kustomization/flux-system/apps", "Kustomization/flux-system/gha-runner-scale-set");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_403_while_polling_stops_the_run_with_one_line()
    {
        SmokeScenario.Load(_server);
        _server.Faults.Forbid("list", "autoscalingrunnersets");

        var act = () => RunAsync(SmokeScenario.Commit, TimeSpan.FromSeconds(5));

        (await act.Should().ThrowAsync<SmokeConnectionException>())
            .Which.Message.Should()
            .Contain(
                "cannot list resource \"autoscalingrunnersets\" in API group \"actions.github.com\" in the namespace \"actions-runner-system\""
            );
    }
}
