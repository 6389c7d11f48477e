using GitOpsRunners.Engine;

namespace GitOpsRunners.Git;

/// <summary>
/// Publishes a change the way Bump and Promote need it: the branch is reset to the base branch, one commit
/// holds the new files (the working tree and current branch are never touched), the branch is pushed to
/// <c>origin</c>, and the one open pull request for it is created or updated.
/// A failed push puts the local branch back as it was; a failed pull request says what was pushed.
/// </summary>
public sealed class ChangePublisher(
    GitWorkspace git,
    PullRequestPublisher pullRequests,
    GitHubRepository repository,
    GitAuthor author,
    string? token
)
{
    public async Task<ChangeResult> PublishAsync(ChangeRequest change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        // The remote branch as this run first sees it: the push overwrites only that (force-with-lease).
        var lease = Lease.At(await git.RemoteBranchTipAsync(change.Branch, token, ct).ConfigureAwait(false));
        var previousTip = git.BranchTip(change.Branch);
        git.CreateOrResetBranch(change.Branch, change.BaseBranch);
        GitPushResult pushed;
        try
        {
            ct.ThrowIfCancellationRequested();
            git.CommitFiles(change.Branch, change.Files, change.CommitMessage, author);
            pushed = await git.PushAsync(change.Branch, force: true, token, lease, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BuildException or OperationCanceledException)
        {
            git.RestoreBranch(change.Branch, previousTip);
            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new BuildException(
                $"{e.Message} Nothing was pushed and no pull request was changed; the local branch {change.Branch} is as it was.",
                ExitCodes.TargetFailed,
                e
            );
        }

        try
        {
            var pullRequest = await pullRequests.PublishAsync(Spec(change), ct).ConfigureAwait(false);
            return new ChangeResult(change.Branch, pushed.Sha, pushed.Outcome, pullRequest);
        }
        catch (BuildException e)
        {
            throw new BuildException(
                $"{e.Message} Branch {change.Branch} was pushed to origin at {pushed.Sha[..12]}, but its pull request was not opened or updated; run again to retry.",
                ExitCodes.TargetFailed,
                e
            );
        }
    }

    /// <summary>
    /// Asks GitHub for the change's open pull request without changing anything, so that bad credentials or an
    /// outage stop the run before a branch is pushed.
    /// </summary>
    public async Task CheckAccessAsync(ChangeRequest change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        await pullRequests.FindOpenAsync(Spec(change), ct).ConfigureAwait(false);
    }

    private PullRequestSpec Spec(ChangeRequest change) =>
        new(repository, change.Branch, BaseName(change.BaseBranch), change.Title, change.Body, change.Labels);

    /// <summary><c>origin/main</c> names the branch <c>main</c> on GitHub.</summary>
    private static string BaseName(string baseBranch) =>
        baseBranch.StartsWith("origin/", StringComparison.Ordinal) ? baseBranch["origin/".Length..] : baseBranch;
}
