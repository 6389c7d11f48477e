using GitOpsRunners.Git;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// What <c>--pr</c> needs to build each group's change: the clone to read the base branch from, and that branch
/// as a revision such as <c>origin/main</c> or <c>main</c>.
/// </summary>
public sealed record BumpPublishing(GitWorkspace Git, string BaseBranch);
