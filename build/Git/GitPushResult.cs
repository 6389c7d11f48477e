namespace GitOpsRunners.Git;

/// <summary>
/// What a push did. <see cref="Sha"/> is the commit at the remote branch afterwards: on
/// <see cref="PushOutcome.AlreadyUpToDate"/> it is the remote's commit, which the local branch is moved to.
/// </summary>
public sealed record GitPushResult(string Branch, string Sha, PushOutcome Outcome);
