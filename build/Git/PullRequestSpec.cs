namespace GitOpsRunners.Git;

/// <summary>
/// The one pull request a target wants open: from branch <paramref name="Head"/> (in
/// <paramref name="Repository"/>, no owner prefix) into <paramref name="Base"/>.
/// </summary>
public sealed record PullRequestSpec(
    GitHubRepository Repository,
    string Head,
    string Base,
    string Title,
    string Body,
    IReadOnlyList<string> Labels,
    bool Draft = false
);
