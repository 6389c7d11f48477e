using GitOpsRunners.Git;

namespace GitOpsRunners.Versions.Delivery;

/// <summary>
/// One pull request a change becomes: its branch and title, which a dry run names, and its request, built only
/// when it is published (<see cref="Request"/> returns null when the base branch already holds the change).
/// </summary>
public sealed record PendingPullRequest(string Branch, string Title, Func<ChangeRequest?> Request);
