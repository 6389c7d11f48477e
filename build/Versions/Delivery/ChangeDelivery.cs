using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Versions.Editing;
using Spectre.Console;

namespace GitOpsRunners.Versions.Delivery;

/// <summary>
/// Delivers a planned change the one way Bump and Promote share: <c>--dry-run</c> prints its diff and changes
/// nothing; <c>--pr</c> publishes each of its pull requests (after asking GitHub once, so bad credentials stop the
/// run before anything is pushed; the working tree and checked-out branch are never touched); otherwise its edits
/// are written to the working tree, all or nothing.
/// </summary>
public sealed class ChangeDelivery(
    IAnsiConsole console,
    string workingTree,
    DeliveryOptions options,
    ChangePublisher? publisher = null
)
{
    public DeliveryOptions Options => options;

    public async Task<DeliveryResult> DeliverAsync(PlannedChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (options.DryRun)
        {
            Show(change);
            return DeliveryResult.Nothing;
        }

        return options.Pr
            ? new DeliveryResult([], await PublishAsync(change.PullRequests, ct).ConfigureAwait(false))
            : new DeliveryResult(await WriteAsync(change.Edits, ct).ConfigureAwait(false), []);
    }

    private void Show(PlannedChange change)
    {
        var writer = console.Profile.Out.Writer;
        writer.Write(change.Diff);
        writer.Flush();
        if (options.Pr)
        {
            foreach (var pullRequest in change.PullRequests)
            {
                console.MarkupLine(
                    $"Would publish [blue]{Markup.Escape(pullRequest.Branch)}[/]: {Markup.Escape(pullRequest.Title)}"
                );
            }
        }

        console.MarkupLine("[grey]Dry run: no file, branch or pull request was changed.[/]");
    }

    private async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<YamlFileEdit> edits, CancellationToken ct)
    {
        IReadOnlyList<string> changed;
        try
        {
            changed = await new YamlFileEditor(workingTree).ApplyAsync(edits, ct).ConfigureAwait(false);
        }
        catch (YamlEditException e)
        {
            throw new BuildException(
                $"{e.Message}\nThe working tree differs at these lines from the files the change was planned on; commit or discard the local change and run again. Nothing was written.",
                ExitCodes.TargetFailed,
                e
            );
        }

        foreach (var file in changed)
        {
            console.MarkupLine($"Wrote [bold]{Markup.Escape(file)}[/]");
        }

        return changed;
    }

    private async Task<IReadOnlyList<ChangeResult>> PublishAsync(
        IReadOnlyList<PendingPullRequest> pending,
        CancellationToken ct
    )
    {
        var changes = publisher ?? throw new InvalidOperationException("--pr needs a git workspace and a publisher.");
        var requests = pending.Select(p => (p.Branch, Request: p.Request())).ToList();
        if (requests.FirstOrDefault(r => r.Request is not null).Request is { } first)
        {
            await changes.CheckAccessAsync(first, ct).ConfigureAwait(false);
        }

        var published = new List<ChangeResult>();
        var failed = new List<string>();
        foreach (var (branch, request) in requests)
        {
            if (request is null)
            {
                console.MarkupLine(
                    $"[grey]{Markup.Escape(branch)}: the base branch already has this change; nothing to publish.[/]"
                );
                continue;
            }

            try
            {
                var result = await changes.PublishAsync(request, ct).ConfigureAwait(false);
                published.Add(result);
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
                        + string.Join(", ", published.Select(p => $"{p.Branch} (#{p.PullRequest.Number})"))
                        + ".";
            throw new BuildException(
                $"Publishing {failed.Count} of {requests.Count} pull request(s) failed; the working tree and the checked-out branch were not touched.\n  "
                    + string.Join("\n  ", failed)
                    + "\n"
                    + done
            );
        }

        return published;
    }
}
