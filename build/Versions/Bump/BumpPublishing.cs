using GitOpsRunners.Git;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// What <c>--pr</c> needs: the clone to read the base branch from and to commit in, and the publisher that
/// pushes each branch and keeps its one pull request. <see cref="BaseBranch"/> is a revision such as
/// <c>origin/main</c> or <c>main</c>.
/// </summary>
public sealed record BumpPublishing(GitWorkspace Git, ChangePublisher Publisher, string BaseBranch);
