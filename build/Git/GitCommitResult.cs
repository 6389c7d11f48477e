namespace GitOpsRunners.Git;

/// <summary>
/// The tip of a branch after <see cref="GitWorkspace.CommitFiles"/>. <see cref="Changed"/> is false
/// when the files already had the given content, in which case no commit was made.
/// </summary>
public sealed record GitCommitResult(string Branch, string Sha, string TreeSha, bool Changed);
