using GitOpsRunners.Versions.Editing;

namespace GitOpsRunners.Versions.Delivery;

/// <summary>
/// A change ready to deliver: the edits to the working tree's files, their unified diff (what a dry run shows),
/// and the pull requests the change becomes with <c>--pr</c>.
/// </summary>
public sealed record PlannedChange(
    IReadOnlyList<YamlFileEdit> Edits,
    string Diff,
    IReadOnlyList<PendingPullRequest> PullRequests
);
