namespace GitOpsRunners.Git;

/// <summary>
/// A change to publish as one commit on a deterministic branch and one pull request.
/// <paramref name="Files"/> maps repository-relative paths to their full new content.
/// </summary>
public sealed record ChangeRequest(
    string Branch,
    string BaseBranch,
    IReadOnlyDictionary<string, string> Files,
    string CommitMessage,
    string Title,
    string Body,
    IReadOnlyList<string> Labels
);
