using System.Text;
using GitOpsRunners.Engine;
using GitOpsRunners.Validation.Diff;
using GitOpsRunners.Versions.Editing;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;
using Spectre.Console;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// Runs Bump for one cluster: selects pins, looks up what they can move to, plans, and then prints the
/// plan and diff (dry run), publishes one branch and pull request per group (<c>--pr</c>), or edits the
/// working tree. Every look-up must succeed before anything is written; edits are all or nothing.
/// </summary>
public sealed class BumpService(IAnsiConsole console, string repositoryRoot, VersionLookup lookup)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

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

        if (options.DryRun)
        {
            await WriteDiffAsync(plan, ct).ConfigureAwait(false);
            if (options.Pr)
            {
                foreach (var group in plan.Groups)
                {
                    console.MarkupLine(
                        $"Would publish [blue]{Markup.Escape(BumpBranch.Name(options.Cluster, group.Name))}[/]: {Markup.Escape(BumpText.Title(options.Cluster, group))}"
                    );
                }
            }

            console.MarkupLine("[grey]Dry run: no file, branch or pull request was changed.[/]");
            return new BumpOutcome(plan, [], [], found.Warnings);
        }

        if (options.Pr)
        {
            var published = await PublishAsync(
                    plan,
                    options.Cluster,
                    publishing ?? throw new InvalidOperationException("--pr needs a git workspace and publisher."),
                    ct
                )
                .ConfigureAwait(false);
            return new BumpOutcome(plan, [], published, found.Warnings);
        }

        var changed = await new YamlFileEditor(repositoryRoot).ApplyAsync(plan.Edits, ct).ConfigureAwait(false);
        foreach (var file in changed)
        {
            console.MarkupLine($"Changed [blue]{Markup.Escape(file)}[/]");
        }

        return new BumpOutcome(plan, changed, [], found.Warnings);
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

    private async Task WriteDiffAsync(BumpPlan plan, CancellationToken ct)
    {
        var writer = console.Profile.Out.Writer;
        foreach (var edit in plan.Edits)
        {
            var before = Utf8.GetString(
                await File.ReadAllBytesAsync(Path.Combine(repositoryRoot, edit.File), ct).ConfigureAwait(false)
            );
            var after = YamlScalarEditor.Apply(before, edit.Edits, edit.File);
            await writer
                .WriteAsync(UnifiedDiff.Render(before, after, "a/" + edit.File, "b/" + edit.File).AsMemory(), ct)
                .ConfigureAwait(false);
        }

        await writer.FlushAsync(ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<PublishedGroup>> PublishAsync(
        BumpPlan plan,
        string cluster,
        BumpPublishing publishing,
        CancellationToken ct
    )
    {
        var requests = plan.Groups.Select(group => (group, request: Request(cluster, group, publishing))).ToList();
        var published = new List<PublishedGroup>();
        var failed = new List<string>();
        foreach (var (group, request) in requests)
        {
            if (request is null)
            {
                console.MarkupLine(
                    $"[grey]{Markup.Escape(group.Name)}: {Markup.Escape(publishing.BaseBranch)} already has this change; nothing to publish.[/]"
                );
                continue;
            }

            try
            {
                var result = await publishing.Publisher.PublishAsync(request, ct).ConfigureAwait(false);
                published.Add(new PublishedGroup(group.Name, request.Branch, result));
                var pr = result.PullRequest;
                console.MarkupLine(
                    $"{Markup.Escape(request.Branch)}: {result.Push.ToString().ToLowerInvariant()} at {result.Sha[..12]}; "
                        + $"pull request #{pr.Number} {pr.Outcome.ToString().ToLowerInvariant()} ({Markup.Escape(pr.Url)})"
                );
                foreach (var warning in pr.Warnings)
                {
                    console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
                }
            }
            catch (BuildException e)
            {
                failed.Add($"{request.Branch}: {e.Message}");
            }
        }

        if (failed.Count > 0)
        {
            var done =
                published.Count == 0
                    ? "No other branch or pull request was published."
                    : "Published before the failure: "
                        + string.Join(", ", published.Select(p => $"{p.Branch} (#{p.Result.PullRequest.Number})"))
                        + ".";
            throw new BuildException(
                $"Publishing {failed.Count} of {requests.Count} group(s) failed; the working tree and the checked-out branch were not touched.\n  "
                    + string.Join("\n  ", failed)
                    + "\n"
                    + done
            );
        }

        return published;
    }

    /// <summary>The change for one group, built on the base branch's files; null when the base already holds it.</summary>
    private static Git.ChangeRequest? Request(string cluster, PinChangeGroup group, BumpPublishing publishing)
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
                diff.Append(UnifiedDiff.Render(before, after, "a/" + edit.File, "b/" + edit.File));
            }
        }

        return files.Count == 0
            ? null
            : BumpChangeRequests.For(cluster, group, files, diff.ToString(), publishing.BaseBranch);
    }
}
