using System.Text;
using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Versions.Delivery;
using GitOpsRunners.Versions.Editing;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;
using Spectre.Console;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// Runs Bump for one cluster: selects pins, looks up what they can move to, plans, and hands the plan to the
/// delivery: printed with its diff (dry run), one branch and pull request per group (<c>--pr</c>), or edits to
/// the working tree. Every look-up must succeed before anything is written; edits are all or nothing.
/// </summary>
public sealed class BumpService(
    IAnsiConsole console,
    string repositoryRoot,
    VersionLookup lookup,
    ChangeDelivery delivery,
    IBumpCheck? check = null
)
{
    public async Task<BumpOutcome> RunAsync(
        IReadOnlyList<VersionPin> pins,
        BumpOptions options,
        BumpPublishing? publishing,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(options);
        var selected = Select(pins, options);
        var found = await lookup.LookUpAsync(selected, new LookupOptions(options.Policy), ct).ConfigureAwait(false);
        foreach (var warning in found.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        if (!found.Succeeded)
        {
            throw new BuildException(
                $"Nothing was changed: {found.Failures.Count} look-up(s) failed after their retries:\n  "
                    + string.Join("\n  ", found.Failures.Select(f => f.Message))
                    + "\nRun again later, fix the registry settings, or leave the component out with --only."
            );
        }

        var plan = BumpPlanner.Plan(selected, found.Available, options.Policy);
        BumpConsole.WritePlan(console, options.Cluster, plan);
        if (plan.IsEmpty)
        {
            return new BumpOutcome(plan, [], [], found.Warnings);
        }

        var notes = new Dictionary<PinChangeGroup, string>();
        foreach (var group in plan.Groups)
        {
            if (
                check is not null
                && await check.CheckAsync(options.Cluster, group, ct).ConfigureAwait(false) is { } note
            )
            {
                notes[group] = note;
                console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(note)}");
            }
        }

        var pullRequests = plan
            .Groups.Select(group => new PendingPullRequest(
                BumpBranch.Name(options.Cluster, group.Name),
                BumpText.Title(options.Cluster, group),
                () =>
                    Request(
                        options,
                        group,
                        publishing ?? throw new InvalidOperationException("--pr needs a git workspace."),
                        notes.GetValueOrDefault(group)
                    )
            ))
            .ToList();
        var diff = delivery.Options.DryRun
            ? await EditDiff.RenderAsync(repositoryRoot, plan.Edits, ct).ConfigureAwait(false)
            : "";
        var delivered = await delivery
            .DeliverAsync(new PlannedChange(plan.Edits, diff, pullRequests), ct)
            .ConfigureAwait(false);
        return new BumpOutcome(plan, delivered.ChangedFiles, delivered.Published, found.Warnings);
    }

    /// <summary>The pins <c>--only</c> names; naming either ARC chart (or <c>arc</c>) selects both charts of the cluster.</summary>
    internal static IReadOnlyList<VersionPin> Select(IReadOnlyList<VersionPin> pins, BumpOptions options)
    {
        var policy = options.Policy;
        var arcSelected = pins.Any(p => p.Group == VersionPin.ArcGroup && policy.Selects(p));
        var selected = pins.Where(p => policy.Selects(p) || (p.Group == VersionPin.ArcGroup && arcSelected)).ToList();
        if (pins.Count == 0)
        {
            throw new BuildException($"{options.Cluster} has no version pins: nothing to bump.");
        }

        if (selected.Count == 0)
        {
            var names = pins.Select(p => p.GroupName)
                .Concat(pins.Select(p => BumpBranch.ShortName(p.Component)))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            throw new UsageException(
                $"--only {policy.Only}: no pin of {options.Cluster} has that name; use one of {string.Join(", ", names)}."
            );
        }

        return selected;
    }

    /// <summary>The change for one group, built on the base branch's files; null when the base already holds it.</summary>
    private static ChangeRequest? Request(
        BumpOptions options,
        PinChangeGroup group,
        BumpPublishing publishing,
        string? note
    )
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var diff = new StringBuilder();
        foreach (var edit in PinEdits.For(group.Changes))
        {
            var before =
                publishing.Git.ReadFile(publishing.BaseBranch, edit.File)
                ?? throw new BuildException(
                    $"{edit.File}:1: the file is not on {publishing.BaseBranch}; commit and push it before bumping with --pr."
                );
            var after = YamlScalarEditor.Apply(before, edit.Edits, edit.File);
            if (after != before)
            {
                files[edit.File] = after;
                diff.Append(EditDiff.Render(edit.File, before, after));
            }
        }

        return files.Count == 0
            ? null
            : BumpChangeRequests.For(
                options.Cluster,
                group,
                files,
                diff.ToString(),
                publishing.BaseBranch,
                options.ForceReason,
                note
            );
    }
}
