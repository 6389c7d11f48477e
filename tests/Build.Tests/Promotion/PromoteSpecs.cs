using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Fakes.Kubernetes;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Support.Git;
using LibGit2Sharp;
using static GitOpsRunners.Tests.Promotion.PromotionRepository;

namespace GitOpsRunners.Tests.Promotion;

/// <summary>
/// <c>./build.sh Promote</c> through the real runner on a copy of this repository's tree: real git with a bare
/// origin, kustomize, Validate, the loopback GitHub API and, for the health gate, the loopback Kubernetes API.
/// In the copy, tst pins ARC 0.15.0 and ESO 2.9.0 while prd pins ARC 0.14.2 and ESO 2.8.0.
/// </summary>
public sealed class PromoteSpecs : IAsyncLifetime
{
    private const string Owner = "octo-org";
    private const string Name = "gitops-flux-github-runners";
    private const string Branch = $"promote/{Tst}-to-{Prd}";

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly PromotionRepository _repo = new(Now.AddDays(-30));
    private GitHubApiServer _github = null!;

    private FakeRepository GitHub => _github.Repository(Owner, Name);

    public async Task InitializeAsync() => _github = await GitHubApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        _repo.Dispose();
    }

    [Fact(Timeout = 120_000)]
    public async Task Equal_pins_exit_0_with_up_to_date_and_leave_no_branch()
    {
        // Arrange
        _repo.SetPins(
            Prd,
            new Dictionary<string, string> { ["ARC_CHART_VERSION"] = "0.15.0", ["ESO_CHART_VERSION"] = "2.9.0" },
            Now.AddDays(-2),
            "Promote by hand"
        );

        // Act
        var (exit, output) = await PromoteAsync("--pr");

        // Assert
        exit.Should().Be(ExitCodes.Success, output);
        output.Should().Contain("up to date");
        NoBranchOrPullRequestIsLeft();
        _github.Requests.Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task Only_one_component_is_written_to_the_target_overlay_in_the_working_tree()
    {
        // Arrange
        var settings = _repo.Sandbox.ReadWorkingFile(SettingsFile(Prd));
        var tst = _repo.Sandbox.ReadWorkingFile(VersionsFile(Tst));

        // Act
        var (exit, output) = await PromoteAsync("--only", "external-secrets");

        // Assert
        exit.Should().Be(ExitCodes.Success, output);
        var prd = _repo.Sandbox.ReadWorkingFile(VersionsFile(Prd));
        Pin(prd, "ESO_CHART_VERSION").Should().Be("2.9.0");
        Pin(prd, "ARC_CHART_VERSION").Should().Be("0.14.2");
        prd.Should().Contain("# Version pins of production.");
        _repo.Sandbox.ReadWorkingFile(SettingsFile(Prd)).Should().Be(settings);
        _repo.Sandbox.ReadWorkingFile(VersionsFile(Tst)).Should().Be(tst);
        output.Should().Contain("ESO_CHART_VERSION").And.Contain($"Wrote {VersionsFile(Prd)}");
        _repo.Sandbox.OriginBranch(Branch).Should().BeNull();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_dry_run_prints_the_plan_and_the_rendered_diff_and_writes_nothing()
    {
        // Arrange
        var before = _repo.Sandbox.ReadWorkingFile(VersionsFile(Prd));

        // Act
        var (exit, output) = await PromoteAsync("--dry-run");

        // Assert
        exit.Should().Be(ExitCodes.Success, output);
        output.Should().Contain("0.14.2").And.Contain("0.15.0").And.Contain("2.8.0").And.Contain("2.9.0");
        output.Should().Contain($"+++ b/{Prd}/").And.Contain("Dry run");
        _repo.Sandbox.ReadWorkingFile(VersionsFile(Prd)).Should().Be(before);
        _repo.Sandbox.OriginBranch(Branch).Should().BeNull();
        _github.Requests.Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task All_pins_go_into_one_commit_and_one_pull_request_with_table_gates_and_diff()
    {
        // Act
        var (exit, output) = await PromoteAsync("--pr");

        // Assert
        exit.Should().Be(ExitCodes.Success, output);
        var prd = _repo.Sandbox.OriginFile(Branch, VersionsFile(Prd));
        (Pin(prd, "ARC_CHART_VERSION"), Pin(prd, "ESO_CHART_VERSION")).Should().Be(("0.15.0", "2.9.0"));
        var commit = _repo.Sandbox.OriginCommit(Branch)!.Value;
        commit.Parents.Should().Equal(_repo.Sandbox.HeadSha());
        commit.Message.Should().Contain(_repo.Sandbox.HeadSha()).And.Contain($"to {Prd}");
        var pullRequest = GitHub.PullRequests.Should().ContainSingle().Which;
        (pullRequest.Head, pullRequest.Base).Should().Be((Branch, "main"));
        pullRequest.Body.Should().Contain("| external-secrets (ESO_CHART_VERSION) | `2.8.0` | `2.9.0` |");
        pullRequest.Body.Should().Contain("<details>").And.Contain("```diff").And.Contain("Validate " + Prd);
        pullRequest.Labels.Should().Contain("promotion");
        _repo.Sandbox.ReadWorkingFile(VersionsFile(Prd)).Should().Contain("\"0.14.2\"");
    }

    [Fact(Timeout = 180_000)]
    public async Task A_rerun_with_the_same_difference_updates_nothing_and_opens_no_second_pull_request()
    {
        // Arrange
        (await PromoteAsync("--pr"))
            .ExitCode.Should()
            .Be(ExitCodes.Success);
        var first = _repo.Sandbox.OriginBranch(Branch);

        // Act
        var (exit, output) = await PromoteAsync("--pr");

        // Assert
        exit.Should().Be(ExitCodes.Success, output);
        _repo.Sandbox.OriginBranch(Branch).Should().Be(first);
        GitHub.PullRequests.Should().ContainSingle();
        _github.RequestsTo(GitHubEndpoint.CreatePullRequest).Should().ContainSingle();
        output.Should().Contain("#1 unchanged");
    }

    [Fact(Timeout = 180_000)]
    public async Task A_changed_difference_updates_the_same_branch_and_pull_request()
    {
        // Arrange
        (await PromoteAsync("--pr"))
            .ExitCode.Should()
            .Be(ExitCodes.Success);
        _repo.SetPins(
            Tst,
            new Dictionary<string, string> { ["ESO_CHART_VERSION"] = "2.10.0" },
            Now.AddHours(-1),
            "Bump external-secrets"
        );

        // Act
        var (exit, output) = await PromoteAsync("--pr");

        // Assert
        exit.Should().Be(ExitCodes.Success, output);
        Pin(_repo.Sandbox.OriginFile(Branch, VersionsFile(Prd)), "ESO_CHART_VERSION").Should().Be("2.10.0");
        var pullRequest = GitHub.PullRequests.Should().ContainSingle().Which;
        pullRequest.Body.Should().Contain("`2.10.0`").And.NotContain("| `2.9.0` |");
        pullRequest.Title.Should().Contain("external-secrets 2.10.0");
        output.Should().Contain("#1 updated");
    }

    [Theory(Timeout = 60_000)]
    [InlineData(Prd, Tst, "back to")]
    [InlineData(Tst, Tst, "both name")]
    [InlineData(Prd, null, "last stage")]
    [InlineData("aks-unknown-00", null, "is not a stage")]
    public async Task Promoting_against_the_order_is_refused_as_a_usage_error(string from, string? to, string message)
    {
        // Act
        string[] args = to is null ? ["--from", from] : ["--from", from, "--to", to];
        var (exit, output) = await PromoteAsync(args);

        // Assert
        exit.Should().Be(ExitCodes.Usage, output);
        output.Should().Contain(message);
        _repo.Sandbox.ReadWorkingFile(VersionsFile(Prd)).Should().Contain("\"0.14.2\"");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_component_for_only_names_the_known_ones()
    {
        // Act
        var (exit, output) = await PromoteAsync("--only", "nginx");

        // Assert
        exit.Should().Be(ExitCodes.Usage, output);
        output.Should().Contain("--only nginx").And.Contain("external-secrets").And.Contain("arc");
    }

    [Theory(Timeout = 120_000)]
    [InlineData("--from-kubeconfig", "--from-context")]
    [InlineData("--kubeconfig", "--context")]
    public async Task An_unhealthy_source_is_refused_with_what_is_unhealthy_and_nothing_is_written(
        string kubeconfigOption,
        string contextOption
    )
    {
        // Arrange
        await using var cluster = await KubernetesApiServer.StartAsync();
        var before = _repo.Sandbox.ReadWorkingFile(VersionsFile(Prd));

        // Act
        var (exit, output) = await PromoteIfHealthyAsync(cluster, "1s", kubeconfigOption, contextOption);

        // Assert
        exit.Should().Be(ExitCodes.TargetFailed, output);
        output.Should().Contain("Refusing to promote").And.Contain("health gate").And.Contain($"{Tst} is not healthy");
        output.Should().Contain("HelmRelease");
        _repo.Sandbox.ReadWorkingFile(VersionsFile(Prd)).Should().Be(before);
        _repo.Sandbox.OriginBranch(Branch).Should().BeNull();
        GitHub.PullRequests.Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_healthy_source_passes_the_health_gate_and_the_pull_request_carries_its_status()
    {
        // Arrange
        await using var cluster = await KubernetesApiServer.StartAsync();
        using (var renderer = new GitOpsRunners.Rendering.FluxRenderer(GitOpsRunners.Tools.KustomizeCli.Locate()))
        {
            var rendered = await renderer.RenderAsync(
                new GitOpsRunners.Rendering.RepositoryLayout(_repo.Sandbox.WorkPath),
                Tst,
                CancellationToken.None
            );
            foreach (
                var obj in HealthyCluster.From(
                    GitOpsRunners.Smoke.SmokeExpectations.From(rendered, _repo.Sandbox.HeadSha()),
                    _repo.Sandbox.HeadSha()
                )
            )
            {
                cluster.Add(obj);
            }
        }

        // Act
        var (exit, output) = await PromoteIfHealthyAsync(cluster, "20s", args: ["--revision", _repo.Sandbox.HeadSha()]);

        // Assert
        exit.Should().Be(ExitCodes.Success, output);
        _repo.Sandbox.OriginBranch(Branch).Should().NotBeNull();
        GitHub.PullRequests.Should().ContainSingle();
        GitHub.Statuses.Should().Contain(s => s.Context == "promotion/health" && s.State == "success");
    }

    [Fact(Timeout = 120_000)]
    public async Task Pins_younger_than_the_soak_time_are_refused_with_when_promotion_becomes_possible()
    {
        // Arrange
        var arrived = Now.AddDays(-1);
        _repo.SetPins(
            Tst,
            new Dictionary<string, string> { ["ESO_CHART_VERSION"] = "2.10.0" },
            arrived,
            "Bump external-secrets"
        );

        // Act
        var (exit, output) = await PromoteAsync("--only", "external-secrets", "--min-soak", "3d");

        // Assert
        exit.Should().Be(ExitCodes.TargetFailed, output);
        output
            .Should()
            .Contain("soak gate")
            .And.Contain(
                "promotion becomes possible at "
                    + arrived
                        .AddDays(3)
                        .ToUniversalTime()
                        .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            );
        Pin(_repo.Sandbox.ReadWorkingFile(VersionsFile(Prd)), "ESO_CHART_VERSION").Should().Be("2.8.0");
    }

    [Fact(Timeout = 120_000)]
    public async Task Pins_older_than_the_soak_time_pass_the_gate()
    {
        // Arrange
        _repo.SetPins(
            Tst,
            new Dictionary<string, string> { ["ESO_CHART_VERSION"] = "2.10.0" },
            Now.AddDays(-1),
            "Bump external-secrets"
        );
        _repo.SetPins(
            Tst,
            new Dictionary<string, string> { ["RUNNER_IMAGE"] = "2.338.0@sha256:" + new string('c', 64) },
            Now.AddHours(-1),
            "Bump the runner"
        );

        // Act
        var (exit, output) = await PromoteAsync("--only", "arc", "--min-soak", "7d");

        // Assert
        exit.Should().Be(ExitCodes.Success, output);
        output.Should().Contain("PASS Soak gate").And.Contain("ARC_CHART_VERSION = 0.15.0 on main since");
        Pin(_repo.Sandbox.ReadWorkingFile(VersionsFile(Prd)), "ARC_CHART_VERSION").Should().Be("0.15.0");
        Pin(_repo.Sandbox.ReadWorkingFile(VersionsFile(Prd)), "ESO_CHART_VERSION").Should().Be("2.8.0");
    }

    [Fact(Timeout = 120_000)]
    public async Task Gate_results_are_commit_statuses_on_the_pull_requests_head()
    {
        // Act
        var (exit, output) = await PromoteAsync("--pr", "--min-soak", "1d");

        // Assert
        exit.Should().Be(ExitCodes.Success, output);
        var status = GitHub.Statuses.Should().ContainSingle().Which;
        (status.Sha, status.Context, status.State)
            .Should()
            .Be((_repo.Sandbox.OriginBranch(Branch)!, "promotion/soak", "success"));
        GitHub.PullRequests.Single().Body.Should().Contain("`promotion/soak`");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_push_refused_by_origin_fails_and_leaves_no_branch_and_no_pull_request()
    {
        // Arrange: serve origin through git daemon so the pre-receive hook runs.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var daemon = await GitDaemon.ServeRefusingOriginAsync(
            _repo.Sandbox.OriginPath,
            _repo.Sandbox.WorkPath,
            "policy: promotions are frozen"
        );
        if (daemon is null)
        {
            return;
        }

        // Act
        var (exit, output) = await PromoteAsync("--pr");

        // Assert
        exit.Should().Be(ExitCodes.TargetFailed, output);
        output.Should().Contain("rejected").And.Contain("Nothing was pushed");
        NoBranchOrPullRequestIsLeft();
        _repo.Sandbox.ReadWorkingFile(VersionsFile(Prd)).Should().Contain("\"0.14.2\"");
    }

    [Fact(Timeout = 120_000)]
    public async Task Bad_GitHub_credentials_stop_the_run_before_anything_is_pushed()
    {
        // Arrange
        _github.Fail(GitHubEndpoint.ListPullRequests, GitHubFault.BadCredentials(), int.MaxValue);

        // Act
        var (exit, output) = await PromoteAsync("--pr");

        // Assert
        exit.Should().Be(ExitCodes.TargetFailed, output);
        output.Should().Contain("401");
        NoBranchOrPullRequestIsLeft();
    }

    [Fact(Timeout = 180_000)]
    public async Task A_failed_pull_request_creation_is_finished_by_the_next_run_without_a_duplicate()
    {
        // Arrange
        _github.Fail(GitHubEndpoint.CreatePullRequest, GitHubFault.ServerError());
        var (failedExit, failedOutput) = await PromoteAsync("--pr");

        // Act
        var (exit, output) = await PromoteAsync("--pr");

        // Assert
        failedExit.Should().Be(ExitCodes.TargetFailed, failedOutput);
        failedOutput.Should().Contain("run again");
        exit.Should().Be(ExitCodes.Success, output);
        GitHub.PullRequests.Should().ContainSingle().Which.Head.Should().Be(Branch);
    }

    /// <summary>The promotion branch exists neither locally nor on origin, and no pull request was opened.</summary>
    private void NoBranchOrPullRequestIsLeft()
    {
        _repo.Sandbox.OriginBranch(Branch).Should().BeNull();
        _repo.Sandbox.LocalBranch(Branch).Should().BeNull();
        GitHub.PullRequests.Should().BeEmpty();
    }

    /// <summary>
    /// Promote <c>--pr --require-healthy</c>, reading the source's health from <paramref name="cluster"/> (named by
    /// <paramref name="kubeconfigOption"/> and <paramref name="contextOption"/>) for at most <paramref name="timeout"/>.
    /// </summary>
    private async Task<BuildRun> PromoteIfHealthyAsync(
        KubernetesApiServer cluster,
        string timeout,
        string kubeconfigOption = "--from-kubeconfig",
        string contextOption = "--from-context",
        params string[] args
    )
    {
        using var temp = new TempDirectory();
        var kubeconfig = cluster.WriteKubeconfig(temp.Combine("kubeconfig"), "tst");
        return await PromoteAsync([
            "--pr",
            "--require-healthy",
            kubeconfigOption,
            kubeconfig,
            contextOption,
            "tst",
            "--timeout",
            timeout,
            .. args,
        ]);
    }

    private Task<BuildRun> PromoteAsync(params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = GitHubApiServer.DefaultToken,
            ["GITHUB_API_URL"] = _github.BaseAddress.AbsoluteUri,
            ["GITHUB_REPOSITORY"] = $"{Owner}/{Name}",
        };
        string[] from = args.Contains("--from") ? [] : ["--from", Tst];
        return InProcessBuild.RunAsync(
            _repo.Sandbox.WorkPath,
            ["Promote", .. from, .. SchemaArguments(), .. args],
            environment
        );
    }

    private static string[] SchemaArguments() =>
        SharedData.SchemasRoot is { } schemas
            ?
            [
                "--schema-location",
                Path.Combine(
                    schemas,
                    "kubernetes/{{.NormalizedKubernetesVersion}}-standalone{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json"
                ),
                "--schema-location",
                Path.Combine(schemas, "crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json"),
            ]
            : ["--schema-location", Path.Combine(Path.GetTempPath(), "no-schemas-here"), "--ignore-missing-schemas"];
}
