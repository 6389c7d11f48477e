using System.Xml.Linq;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Fakes.Kubernetes;
using GitOpsRunners.Tests.Support;
using k8s;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Smoke;

public sealed class SmokeRunnerSpecs : IAsyncLifetime
{
    private const string Arc = SmokeScenario.ArcNamespace;
    private readonly TestConsole _console = new TestConsole().Width(320);
    private KubernetesApiServer _server = null!;

    public async Task InitializeAsync() => _server = await KubernetesApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<SmokeReport> RunAsync(TimeSpan timeout, string? junit = null)
    {
        using var reader = new KubernetesClusterReader(
            new KubernetesClientConfiguration { Host = _server.Url.ToString() }
        );
        var runner = new SmokeRunner(reader, _console, TimeProvider.System);
        var options = new SmokeOptions(
            Revision: SmokeScenario.Commit,
            Timeout: timeout,
            PollInterval: TimeSpan.FromMilliseconds(100),
            JUnitPath: junit
        );
        return await runner.RunAsync(SmokeScenario.Expected(), options, CancellationToken.None);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_healthy_cluster_passes_on_the_first_poll_and_prints_the_table()
    {
        SmokeScenario.Load(_server);

        var report = await RunAsync(TimeSpan.FromSeconds(5));

        report.Passed.Should().BeTrue(string.Join('\n', report.NotPassed));
        report.ExitCode.Should().Be(0);
        report.TimedOut.Should().BeFalse();
        _console.Output.Should().Contain("Kustomization/flux-system/apps").And.Contain("PASS");
        _console.Lines[^1].Should().StartWith($"Smoke {SmokeScenario.Cluster} passed: 24 passed, 0 failed, 0 pending");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_kustomization_that_is_not_ready_fails_without_waiting_and_shows_its_warning_events()
    {
        SmokeScenario.Load(
            _server,
            SmokeScenario.WithAppsNotReady("BuildFailed", "kustomize build failed: missing resource ./ghost.yaml")
        );
        _server.Add(
            CoreFixtures.WarningEvent(
                "flux-system",
                "Kustomization",
                "apps",
                "BuildFailed",
                "kustomize build failed: missing resource ./ghost.yaml",
                count: 3
            )
        );
        _server.Add(
            CoreFixtures.WarningEvent(
                "flux-system",
                "Kustomization",
                "infrastructure",
                "BuildFailed",
                "an event about another object"
            )
        );

        var report = await RunAsync(TimeSpan.FromSeconds(10));

        report.ExitCode.Should().Be(1);
        report.TimedOut.Should().BeFalse();
        report.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        _console
            .Lines.Should()
            .Contain(l =>
                l.StartsWith(
                    "FAIL Kustomization/flux-system/apps: Ready=False BuildFailed: kustomize build failed",
                    StringComparison.Ordinal
                )
            );
        _console
            .Lines.Should()
            .Contain("    Warning BuildFailed: kustomize build failed: missing resource ./ghost.yaml (x3)");
        _console.Output.Should().NotContain("an event about another object");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_stale_revision_that_becomes_current_while_waiting_passes()
    {
        SmokeScenario.Load(
            _server,
            SmokeScenario
                .HealthyObjects()
                .With("Kustomization", "apps", k => k.Applied("1111111111111111111111111111111111111111"))
        );
        var deploy = Task.Run(async () =>
        {
            while (KustomizationReads() < 2)
            {
                await Task.Delay(20);
            }

            _server.Update(
                "kustomize.toolkit.fluxcd.io/v1",
                "Kustomization",
                "flux-system",
                "apps",
                k => k.Applied(SmokeScenario.Commit)
            );
        });

        var report = await RunAsync(TimeSpan.FromSeconds(10));
        await deploy;

        report.Passed.Should().BeTrue(string.Join('\n', report.NotPassed));
        _console
            .Output.Should()
            .Contain(
                $"pending Kustomization/flux-system/apps: applied main@sha1:111111111111, waiting for {SmokeScenario.Commit}"
            );
        KustomizationReads().Should().BeGreaterThan(2);
    }

    private int KustomizationReads() =>
        _server.Requests.Count(r =>
            r.StartsWith(
                "GET /apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations",
                StringComparison.Ordinal
            )
        );

    [Fact(Timeout = 20_000)]
    public async Task A_missing_object_keeps_the_run_pending_until_the_timeout()
    {
        SmokeScenario.Load(_server, SmokeScenario.HealthyObjects().Without("HelmRelease", "external-secrets"));

        var report = await RunAsync(TimeSpan.FromMilliseconds(600));

        report.TimedOut.Should().BeTrue();
        report.ExitCode.Should().Be(1);
        report
            .Elapsed.Should()
            .BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(600))
            .And.BeLessThan(TimeSpan.FromSeconds(5));
        report
            .NotPassed.Should()
            .ContainSingle()
            .Which.Should()
            .Be(
                CheckResult.Pending(
                    CheckNames.HelmRelease,
                    "HelmRelease/external-secrets/external-secrets",
                    "not found in the cluster"
                )
            );
        _console.Lines[^1].Should().Contain("0 failed, 1 pending (timed out after");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_failed_helm_upgrade_is_written_to_junit_and_markdown_with_its_events()
    {
        using var temp = new TempDirectory();
        var junit = temp.Combine("reports/smoke.xml");
        SmokeScenario.Load(
            _server,
            SmokeScenario.HealthyObjects().With("HelmRelease", "gha-runner-scale-set", h => h.UpgradeFailed("0.15.0"))
        );
        _server.Add(
            CoreFixtures.WarningEvent(
                Arc,
                "HelmRelease",
                "gha-runner-scale-set",
                "UpgradeFailed",
                "Helm upgrade failed: No gha-rs-controller deployment found"
            )
        );

        var report = await RunAsync(TimeSpan.FromSeconds(10), junit);
        var markdown = SmokeMarkdown.Render(report);

        report.ExitCode.Should().Be(1);
        var xml = XDocument.Load(junit);
        var failure = xml.Descendants("failure").Should().ContainSingle().Subject;
        failure.Parent!.Attribute("name")!.Value.Should().Be($"HelmRelease/{Arc}/gha-runner-scale-set");
        failure
            .Attribute("message")!
            .Value.Should()
            .Be("Stalled=True RetriesExceeded: Failed to upgrade after 4 attempt(s)");
        failure
            .Value.Should()
            .Contain("Warning UpgradeFailed: Helm upgrade failed: No gha-rs-controller deployment found");
        markdown.Should().StartWith($"### Smoke `{SmokeScenario.Cluster}`: failed");
        markdown
            .Should()
            .Contain(
                $"| HelmRelease | `HelmRelease/{Arc}/gha-runner-scale-set` | ❌ fail | Stalled=True RetriesExceeded: Failed to upgrade after 4 attempt(s) |"
            );
        markdown.Should().Contain("Warning UpgradeFailed");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_listener_pod_that_never_runs_times_out_with_its_pod_events()
    {
        var listener = SmokeScenario.Listener;
        SmokeScenario.Load(_server, SmokeScenario.WithListenerPullingItsImage());
        _server.Add(
            CoreFixtures.WarningEvent(
                Arc,
                "Pod",
                listener,
                "Failed",
                "Failed to pull image \"ghcr.io/actions/gha-runner-scale-set-controller:0.14.2\""
            )
        );

        var report = await RunAsync(TimeSpan.FromMilliseconds(500));

        report.TimedOut.Should().BeTrue();
        report.NotPassed.Should().ContainSingle().Which.Object.Should().Be($"Pod/{Arc}/{listener}");
        _console
            .Lines.Should()
            .Contain($"PENDING Pod/{Arc}/{listener}: Pending (ImagePullBackOff: Back-off pulling image)");
        _console.Output.Should().Contain("Warning Failed: Failed to pull image");
    }
}
