using System.Text.RegularExpressions;
using GitOpsRunners.Engine;
using Octokit;

namespace GitOpsRunners.Git;

/// <summary>
/// Sets commit statuses (not check runs: those need a GitHub App token). A status with the same
/// context replaces the previous one on the same commit.
/// </summary>
public sealed partial class CommitStatusPublisher(IGitHubClient client)
{
    /// <summary>GitHub's limit for a status description.</summary>
    public const int MaxDescriptionLength = 140;

    public async Task SetAsync(GitHubRepository repository, string sha, CommitStatusSpec status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(status);
        if (string.IsNullOrEmpty(sha) || !CommitSha().IsMatch(sha))
        {
            throw new BuildException($"Cannot set status '{status.Context}': '{sha}' is not a full commit sha.");
        }

        if (string.IsNullOrWhiteSpace(status.Context))
        {
            throw new BuildException($"Cannot set a status on {sha} without a context name.");
        }

        var request = new NewCommitStatus
        {
            State = status.State switch
            {
                CommitStatusState.Pending => CommitState.Pending,
                CommitStatusState.Success => CommitState.Success,
                CommitStatusState.Failure => CommitState.Failure,
                _ => CommitState.Error,
            },
            Context = status.Context,
            Description = Shorten(status.Description),
            TargetUrl = status.TargetUrl?.AbsoluteUri,
        };
        await GitHubCall
            .RunAsync(
                () => client.Repository.Status.Create(repository.Owner, repository.Name, sha, request),
                $"setting status '{status.Context}' on {sha[..12]} in {repository}",
                ct
            )
            .ConfigureAwait(false);
    }

    private static string Shorten(string description)
    {
        var text = (description ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return text.Length <= MaxDescriptionLength ? text : text[..(MaxDescriptionLength - 1)] + "…";
    }

    [GeneratedRegex("^([0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex CommitSha();
}
