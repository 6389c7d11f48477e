using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation.Diff;
using GitOpsRunners.Validation.Reports;
using GitOpsRunners.Versions.Delivery;
using Spectre.Console;

namespace GitOpsRunners.Promotion;

/// <summary>
/// Runs Promote: in a private copy of the repository (at HEAD, or at the default branch with <c>--pr</c>) it plans
/// which of the target's pins take the source's values, runs the gates, applies the plan, validates the target and
/// diffs its rendering, and only then delivers the change (dry run, working tree, or one pull request whose commit
/// statuses carry the gates). A refused or broken promotion writes nothing.
/// </summary>
public sealed class PromotionService(
    IAnsiConsole console,
    GitWorkspace git,
    PromotionChecks checks,
    ChangeDelivery delivery,
    GateStatuses? statuses = null
)
{
    public async Task<PromotionOutcome> RunAsync(PromotionOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (delivery.Options is { Pr: true, DryRun: true })
        {
            throw new UsageException(
                "--pr and --dry-run exclude each other: --dry-run only prints the plan and the diff."
            );
        }

        var route = PromotionRoute.Resolve(
            PromotionOrder.Load(options.RepositoryRoot, options.KubernetesFolder),
            options.From,
            options.To
        );
        var defaultBranch = git.DefaultBranch();
        var (sha, _) = GitRevisionExport.Resolve(options.RepositoryRoot, delivery.Options.Pr ? defaultBranch : "HEAD");
        using var workspace = PromotionWorkspace.Export(options.RepositoryRoot, sha, options.ScratchFolder, ct);
        var draft = await new StatusDisplay(console)
            .RunAsync(
                $"Reading the pins of {route.From} and {route.To}",
                async token =>
                {
                    using var renderer = checks.Renderer();
                    return await workspace
                        .PlanAsync(renderer, route, options.KubernetesFolder, options.Only, token)
                        .ConfigureAwait(false);
                },
                ct
            )
            .ConfigureAwait(false);

        PromotionConsole.WritePlan(console, draft);
        if (draft.Plan.IsEmpty)
        {
            console.MarkupLine(
                $"[green]{Markup.Escape(route.To)} is up to date with {Markup.Escape(route.From)}[/]{(options.Only is null ? "" : $" for {Markup.Escape(options.Only)}")}; nothing to promote."
            );
            return new PromotionOutcome(draft, [], null, DeliveryResult.Nothing);
        }

        var gates = await RunGatesAsync(draft, defaultBranch, options, ct).ConfigureAwait(false);
        if (gates.Any(g => !g.Passed))
        {
            await MarkExistingBranchAsync(route, gates, ct).ConfigureAwait(false);
            throw Refused(route, gates);
        }

        var preview = await EditDiff.RenderAsync(workspace.Root, draft.Plan.Edits, ct).ConfigureAwait(false);
        var files = await workspace.ApplyAsync(draft.Plan, ct).ConfigureAwait(false);
        var validation = await checks.Validate(route.To, workspace.Root, ct).ConfigureAwait(false);
        TextReport.Write(console, validation.Report);
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
            var writer = console.Profile.Out.Writer;
            writer.WriteLine(diff.ToUnifiedDiff().TrimEnd('\n'));
            writer.Flush();
        }

        console.MarkupLine(Markup.Escape($"Rendered diff of {route.To}: {diff.Summary}"));
        var pullRequest = new PendingPullRequest(
            route.Branch,
            PromotionPullRequest.Title(draft),
            () =>
                PromotionPullRequest.Change(
                    draft,
                    files,
                    ShortBranchName(defaultBranch),
                    gates,
                    validation.Report.Summary,
                    diff
                )
        );
        var delivered = await delivery
            .DeliverAsync(new PlannedChange(draft.Plan.Edits, preview, [pullRequest]), ct)
            .ConfigureAwait(false);
        foreach (var published in delivered.Published)
        {
            await SetStatusesAsync(published, gates, ct).ConfigureAwait(false);
        }

        return new PromotionOutcome(draft, gates, diff, delivered);
    }

    private async Task<IReadOnlyList<GateResult>> RunGatesAsync(
        PromotionDraft draft,
        string defaultBranch,
        PromotionOptions options,
        CancellationToken ct
    )
    {
        var gates = new List<GateResult>();
        if (options.MinSoak is { } minimum)
        {
            var history = new PinHistory(git, defaultBranch);
            gates.Add(
                SoakGate.Evaluate(
                    [.. draft.PromotedSourcePins.Select(history.ArrivalOf)],
                    minimum,
                    checks.Clock.GetUtcNow(),
                    ShortBranchName(defaultBranch)
                )
            );
        }

        if (options.RequireHealthy)
        {
            gates.Add(HealthGate.Evaluate(await checks.Health(draft.Route.From, ct).ConfigureAwait(false)));
        }

        PromotionConsole.WriteGates(console, gates);
        return gates;
    }

    private async Task SetStatusesAsync(ChangeResult published, IReadOnlyList<GateResult> gates, CancellationToken ct)
    {
        try
        {
            await (statuses ?? throw new InvalidOperationException("--pr needs the gate statuses."))
                .SetAsync(published.Sha, gates, ct)
                .ConfigureAwait(false);
        }
        catch (BuildException e)
        {
            throw new BuildException(
                $"{e.Message} Pull request #{published.PullRequest.Number} is up to date but its gate statuses were not set; run again to set them.",
                ExitCodes.TargetFailed,
                e
            );
        }
    }

    /// <summary>A refused promotion marks the open pull request of an earlier run, so its gate statuses do not stay green.</summary>
    private async Task MarkExistingBranchAsync(
        PromotionRoute route,
        IReadOnlyList<GateResult> gates,
        CancellationToken ct
    )
    {
        if (statuses is null || !delivery.Options.Publishes)
        {
            return;
        }

        try
        {
            if (await git.RemoteBranchTipAsync(route.Branch, statuses.Token, ct).ConfigureAwait(false) is { } tip)
            {
                await statuses.SetAsync(tip, gates, ct).ConfigureAwait(false);
            }
        }
        catch (BuildException e)
        {
            console.MarkupLine(
                $"[yellow]Could not mark branch {Markup.Escape(route.Branch)} with the gate results: {Markup.Escape(e.Message)}[/]"
            );
        }
    }

    private static BuildException Refused(PromotionRoute route, IReadOnlyList<GateResult> gates)
    {
        var failed = gates.Where(g => !g.Passed).ToList();
        var details = failed.SelectMany(g => g.Details).ToList();
        return new BuildException(
            $"Refusing to promote {route.From} to {route.To}: "
                + string.Join("; ", failed.Select(g => $"{g.Name.ToLowerInvariant()} gate: {g.Summary}"))
                + (details.Count > 0 ? "\n  " + string.Join("\n  ", details) : "")
        );
    }

    /// <summary><c>refs/heads/main</c> -> <c>main</c>, <c>refs/remotes/origin/main</c> -> <c>origin/main</c>.</summary>
    private static string ShortBranchName(string canonical) =>
        canonical.StartsWith("refs/heads/", StringComparison.Ordinal) ? canonical["refs/heads/".Length..]
        : canonical.StartsWith("refs/remotes/", StringComparison.Ordinal) ? canonical["refs/remotes/".Length..]
        : throw new BuildException(
            "Cannot tell the default branch: the clone has no origin/HEAD, main or master. Fetch the default branch (git fetch origin main) and run again."
        );
}
