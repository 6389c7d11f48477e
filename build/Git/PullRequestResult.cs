namespace GitOpsRunners.Git;

/// <summary>The pull request after publishing, and warnings (such as labels that could not be added).</summary>
public sealed record PullRequestResult(
    long Number,
    string Url,
    PullRequestOutcome Outcome,
    IReadOnlyList<string> Warnings
);
