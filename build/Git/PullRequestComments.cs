using Octokit;

namespace GitOpsRunners.Git;

/// <summary>
/// Keeps one comment per pull request and purpose: the comment whose body starts with a hidden marker is edited
/// in place on every run, so a pull request shows one current comment however often it is pushed to.
/// </summary>
public sealed class PullRequestComments(IGitHubClient client)
{
    /// <summary>
    /// Creates the comment on pull request <paramref name="number"/>, or updates the first one that starts with
    /// <paramref name="marker"/>; <paramref name="body"/> must start with the marker too. Other comments stay as they are.
    /// With <paramref name="createWhenMissing"/> false, only an existing comment is updated (an empty diff need not be
    /// posted, but must replace an older one).
    /// </summary>
    public async Task<PullRequestComment> UpsertAsync(
        GitHubRepository repository,
        long number,
        string marker,
        string body,
        bool createWhenMissing,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(body);
        if (!body.StartsWith(marker, StringComparison.Ordinal))
        {
            throw new ArgumentException("The comment body must start with its marker.", nameof(body));
        }

        var (owner, name) = (repository.Owner, repository.Name);
        var where = $"{repository}#{number}";
        var comments = await GitHubCall
            .RunAsync(
                () => client.Issue.Comment.GetAllForIssue(owner, name, number),
                $"reading the comments of pull request {where} (the token needs pull-requests: read)",
                ct
            )
            .ConfigureAwait(false);
        var existing = comments.FirstOrDefault(c => c.Body?.StartsWith(marker, StringComparison.Ordinal) == true);
        if (existing is null && !createWhenMissing)
        {
            return new PullRequestComment(null, null, CommentAction.NotPosted);
        }

        if (existing is null)
        {
            var created = await GitHubCall
                .RunAsync(
                    () => client.Issue.Comment.Create(owner, name, number, body),
                    $"commenting on pull request {where} (the token needs pull-requests: write)",
                    ct
                )
                .ConfigureAwait(false);
            return new PullRequestComment(created.Id, created.HtmlUrl, CommentAction.Created);
        }

        if (existing.Body == body)
        {
            return new PullRequestComment(existing.Id, existing.HtmlUrl, CommentAction.Unchanged);
        }

        var updated = await GitHubCall
            .RunAsync(
                () => client.Issue.Comment.Update(owner, name, existing.Id, body),
                $"updating comment {existing.Id} on pull request {where} (the token needs pull-requests: write)",
                ct
            )
            .ConfigureAwait(false);
        return new PullRequestComment(updated.Id, updated.HtmlUrl, CommentAction.Updated);
    }
}
