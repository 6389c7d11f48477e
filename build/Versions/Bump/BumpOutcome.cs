using GitOpsRunners.Git;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// What a Bump run did: the plan, the files it changed in the working tree (none for dry runs and
/// <c>--pr</c>), the branches and pull requests it published, and warnings from the look-ups.
/// </summary>
public sealed record BumpOutcome(
    BumpPlan Plan,
    IReadOnlyList<string> ChangedFiles,
    IReadOnlyList<ChangeResult> Published,
    IReadOnlyList<string> Warnings
);
