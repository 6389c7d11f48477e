namespace GitOpsRunners.Git;

/// <summary>One commit status: <paramref name="Context"/> names the check (e.g. <c>gitops/soak</c>).</summary>
public sealed record CommitStatusSpec(
    string Context,
    CommitStatusState State,
    string Description,
    Uri? TargetUrl = null
);
