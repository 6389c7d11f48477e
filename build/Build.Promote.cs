using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Promotion;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Diff;
using GitOpsRunners.Validation.Reports;
using GitOpsRunners.Versions.Editing;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("Promote: the cluster whose version pins move on (a stage of kubernetes/promotion.yaml)")]
    string? From { get; set; }

    [Parameter("Promote: the cluster that receives them (default: the stage after --from)")]
    string? To { get; set; }

    [Parameter("Promote: run the Smoke checks against --from first and refuse when anything is unhealthy")]
    bool RequireHealthy { get; set; }

    [Parameter(
        "Promote: kubeconfig file of the --from cluster for --require-healthy (default: KUBECONFIG, else ~/.kube/config)"
    )]
    string? FromKubeconfig { get; set; }

    [Parameter(
        "Promote: kubeconfig context of the --from cluster for --require-healthy (default: the current context)"
    )]
    string? FromContext { get; set; }

    [Parameter("Promote: how long the pins must have been on the default branch, e.g. 1d, 36h")]
    string? MinSoak { get; set; }

    static readonly GitAuthor PromotionAuthor = new("gitops-runners", "gitops-runners@users.noreply.github.com");

    Target Promote =>
        _ =>
            _.Description(
                    "Carry the version pins of --from to the next stage: plan, gate, validate and diff, then write them, or open a pull request with --pr"
                )
                .Requires(() => From)
                .Requires(() => GitHubToken)
                .When(() => Pr && !DryRun)
                .Executes(PromoteAsync);

    async Task PromoteAsync(CancellationToken ct)
    {
        if (Pr && DryRun)
        {
            throw new UsageException(
                "--pr and --dry-run exclude each other: --dry-run only prints the plan and the diff."
            );
        }

        var minSoak = MinSoak is null ? (TimeSpan?)null : SoakDuration.Parse(MinSoak);
        var token = Pr ? GitHubToken : null;
        var route = PromotionRoute.Resolve(PromotionOrder.Load(Layout.Root, Layout.KubernetesFolder), From!, To);

        using var git = OpenGit();
        var defaultBranch = git.DefaultBranch();
        var (sha, _) = GitRevisionExport.Resolve(Layout.Root, Pr ? defaultBranch : "HEAD");
        using var workspace = PromotionWorkspace.Export(
            Layout.Root,
            sha,
            Path.Combine(TemporaryDirectory, "promote"),
            ct
        );
        PromotionDraft draft;
        using (var renderer = CreateRenderer())
        {
            draft = await Status.RunAsync(
                $"Reading the pins of {route.From} and {route.To}",
                token => workspace.PlanAsync(renderer, route, Layout.KubernetesFolder, Only, token),
                ct
            );
        }

        PromotionConsole.WritePlan(Console, draft);
        if (draft.Plan.IsEmpty)
        {
            Console.MarkupLine(
                $"[green]{Markup.Escape(route.To)} is up to date with {Markup.Escape(route.From)}[/]{(Only is null ? "" : $" for {Markup.Escape(Only)}")}; nothing to promote."
            );
            AddNote("up to date");
            return;
        }

        var gates = await RunGatesAsync(draft, git, defaultBranch, minSoak, ct);
        if (gates.FirstOrDefault(g => !g.Passed) is not null)
        {
            if (Pr)
            {
                await MarkExistingBranchAsync(git, route, gates, token, ct);
            }

            throw new BuildException(
                $"Refusing to promote {route.From} to {route.To}: "
                    + string.Join(
                        "; ",
                        gates.Where(g => !g.Passed).Select(g => $"{g.Name.ToLowerInvariant()} gate: {g.Summary}")
                    )
                    + (
                        gates.Where(g => !g.Passed).SelectMany(g => g.Details).ToList() is { Count: > 0 } details
                            ? "\n  " + string.Join("\n  ", details)
                            : ""
                    )
            );
        }

        var files = await workspace.ApplyAsync(draft.Plan, ct);
        var validation = await RunValidationAsync(route.To, workspace.Root, ct);
        TextReport.Write(Console, validation.Report);
        if (validation.Report.Errors > 0)
        {
            throw new BuildException(
                $"{route.To} would not pass Validate after the promotion ({validation.Report.Summary}); nothing was written. Fix the findings above first."
            );
        }

        var diff = ClusterDiff.Compare(
            [draft.TargetBefore],
            validation.Clusters.Where(c => c.Name == route.To).ToList()
        );
        if (!diff.IsEmpty)
        {
            WriteToolOutput(diff.ToUnifiedDiff().TrimEnd('\n'));
        }

        Console.MarkupLine(Markup.Escape($"Rendered diff of {route.To}: {diff.Summary}"));
        Host.AppendStepSummary(diff.ToMarkdown());

        if (DryRun)
        {
            Console.MarkupLine("[grey]Dry run: no file, branch or pull request was written.[/]");
            AddNote($"dry run: {draft.Plan.Changes.Count()} pin change(s)");
        }
        else if (Pr)
        {
            await PublishPromotionAsync(
                git,
                draft,
                files,
                defaultBranch,
                gates,
                validation.Report.Summary,
                diff,
                token!,
                ct
            );
        }
        else
        {
            await WriteToWorkingTreeAsync(draft, ct);
        }
    }

    async Task<IReadOnlyList<GateResult>> RunGatesAsync(
        PromotionDraft draft,
        GitWorkspace git,
        string defaultBranch,
        TimeSpan? minSoak,
        CancellationToken ct
    )
    {
        var gates = new List<GateResult>();
        if (minSoak is { } minimum)
        {
            var history = new PinHistory(git, defaultBranch);
            gates.Add(
                SoakGate.Evaluate(
                    [.. draft.PromotedSourcePins.Select(history.ArrivalOf)],
                    minimum,
                    TimeProvider.System.GetUtcNow(),
                    ShortBranchName(defaultBranch)
                )
            );
        }

        if (RequireHealthy)
        {
            gates.Add(HealthGate.Evaluate(await RunSmokeAsync(draft.Route.From, FromKubeconfig, FromContext, ct)));
        }

        PromotionConsole.WriteGates(Console, gates);
        return gates;
    }

    async Task WriteToWorkingTreeAsync(PromotionDraft draft, CancellationToken ct)
    {
        try
        {
            var changed = await new YamlFileEditor(Layout.Root).ApplyAsync(draft.Plan.Edits, ct);
            foreach (var file in changed)
            {
                Console.MarkupLine($"Wrote [bold]{Markup.Escape(file)}[/]");
            }

            AddNote($"{draft.Plan.Changes.Count()} pin change(s) written");
        }
        catch (YamlEditException e)
        {
            throw new BuildException(
                $"{e.Message}\nThe working tree differs from HEAD at these lines; commit or discard the local change and run Promote again. Nothing was written.",
                ExitCodes.TargetFailed,
                e
            );
        }
    }

    async Task PublishPromotionAsync(
        GitWorkspace git,
        PromotionDraft draft,
        IReadOnlyDictionary<string, string> files,
        string defaultBranch,
        IReadOnlyList<GateResult> gates,
        string validation,
        DiffReport diff,
        string token,
        CancellationToken ct
    )
    {
        var repository = ResolveGitHubRepository(git);
        var pullRequests = new PullRequestPublisher(GitHub);
        var baseBranch = ShortBranchName(defaultBranch);
        var change = PromotionPullRequest.Change(draft, files, baseBranch, gates, validation, diff);

        // Ask GitHub first, so bad credentials or an outage stop the run before anything is pushed.
        await pullRequests.FindOpenAsync(
            new PullRequestSpec(repository, change.Branch, baseBranch, change.Title, change.Body, change.Labels),
            ct
        );
        var result = await new ChangePublisher(git, pullRequests, repository, PromotionAuthor, token).PublishAsync(
            change,
            ct
        );
        try
        {
            var statuses = new CommitStatusPublisher(GitHub);
            foreach (var gate in gates)
            {
                await statuses.SetAsync(repository, result.Sha, GateStatus(gate), ct);
            }
        }
        catch (BuildException e)
        {
            throw new BuildException(
                $"{e.Message} Pull request #{result.PullRequest.Number} is up to date but its gate statuses were not set; run again to set them.",
                ExitCodes.TargetFailed,
                e
            );
        }

        foreach (var warning in result.PullRequest.Warnings)
        {
            Console.MarkupLine($"[yellow]{Markup.Escape(warning)}[/]");
        }

        Console.MarkupLine(
            $"Pull request #{result.PullRequest.Number} {result.PullRequest.Outcome.ToString().ToLowerInvariant()}: {Markup.Escape(result.PullRequest.Url)} (branch {Markup.Escape(result.Branch)} at {result.Sha[..12]}, {result.Push.ToString()})"
        );
        AddNote($"#{result.PullRequest.Number} {result.PullRequest.Outcome.ToString().ToLowerInvariant()}");
    }

    /// <summary>A refused promotion marks the open pull request of an earlier run, so its gate statuses do not stay green.</summary>
    async Task MarkExistingBranchAsync(
        GitWorkspace git,
        PromotionRoute route,
        IReadOnlyList<GateResult> gates,
        string? token,
        CancellationToken ct
    )
    {
        try
        {
            if (await git.RemoteBranchTipAsync(route.Branch, token, ct) is not { } tip)
            {
                return;
            }

            var repository = ResolveGitHubRepository(git);
            var statuses = new CommitStatusPublisher(GitHub);
            foreach (var gate in gates)
            {
                await statuses.SetAsync(repository, tip, GateStatus(gate), ct);
            }
        }
        catch (BuildException e)
        {
            Console.MarkupLine(
                $"[yellow]Could not mark branch {Markup.Escape(route.Branch)} with the gate results: {Markup.Escape(e.Message)}[/]"
            );
        }
    }

    static CommitStatusSpec GateStatus(GateResult gate) =>
        new(gate.Context, gate.Passed ? CommitStatusState.Success : CommitStatusState.Failure, gate.Summary);

    /// <summary><c>refs/heads/main</c> -> <c>main</c>, <c>refs/remotes/origin/main</c> -> <c>origin/main</c>.</summary>
    static string ShortBranchName(string canonical) =>
        canonical.StartsWith("refs/heads/", StringComparison.Ordinal) ? canonical["refs/heads/".Length..]
        : canonical.StartsWith("refs/remotes/", StringComparison.Ordinal) ? canonical["refs/remotes/".Length..]
        : throw new BuildException(
            "Cannot tell the default branch: the clone has no origin/HEAD, main or master. Fetch the default branch (git fetch origin main) and run again."
        );
}
