namespace GitOpsRunners.Git;

/// <summary>The comment <see cref="PullRequestComments.UpsertAsync"/> left: its id, its link, and whether it was new.</summary>
public sealed record PullRequestComment(long? Id, string? HtmlUrl, CommentAction Action);
