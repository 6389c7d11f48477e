namespace GitOpsRunners.Git;

/// <summary>What publishing a change did: the commit on the branch, the push, and the pull request.</summary>
public sealed record ChangeResult(string Branch, string Sha, PushOutcome Push, PullRequestResult PullRequest);
