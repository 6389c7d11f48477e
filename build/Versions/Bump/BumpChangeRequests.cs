using GitOpsRunners.Git;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// The change to publish for one group (pure): its deterministic branch, one commit message, the pull
/// request title, a body (with the reason of a forced bump) with the change table (component, from, to, release notes) and the diff, and labels.
/// </summary>
public static class BumpChangeRequests
{
    public static readonly IReadOnlyList<string> Labels = ["dependencies", "bump"];

    public static ChangeRequest For(
        string cluster,
        PinChangeGroup group,
        IReadOnlyDictionary<string, string> files,
        string diff,
        string baseBranch,
        string? forceReason = null,
        string? note = null
    )
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(files);
        var branch = BumpBranch.Name(cluster, group.Name);
        var body = PullRequestBody
            .For(branch)
            .WithIntro(
                (
                    forceReason is null
                        ? $"Bumps **{BumpBranch.ShortName(group.Name)}** in `{cluster}`, the first stage of the promotion order. "
                            + "Later clusters get it through `./build.sh Promote` once this one is healthy."
                        : $"Bumps **{BumpBranch.ShortName(group.Name)}** in `{cluster}` directly, past the promotion order "
                            + $"(`--force`). Reason: {forceReason}"
                ) + (note is null ? "" : "\n\n" + note)
            );
        foreach (var change in BumpText.Distinct(group.Changes))
        {
            var notes =
                change.ReleaseNotesUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
            body = body.WithChange(
                new PullRequestChange(change.Pin.Component, BumpText.From(change), BumpText.To(change), notes)
            );
        }

        if (diff.Length > 0)
        {
            body = body.WithDetails(new PullRequestDetails("Changed lines", diff, "diff"));
        }

        body = body.WithFooter(
            $"Opened by `./build.sh Bump --pr`. A later run with the same pending change updates this branch and pull request; a newer version replaces its content."
        );
        return new ChangeRequest(
            branch,
            baseBranch,
            files,
            BumpText.CommitMessage(cluster, group, forceReason),
            BumpText.Title(cluster, group),
            body.Render(),
            Labels
        );
    }
}
