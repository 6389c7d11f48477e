namespace GitOpsRunners.Promotion;

/// <summary>
/// One Promote run: the repository and its Flux folder, the route (<c>--from</c>, <c>--to</c>), <c>--only</c>,
/// the gates (<c>--min-soak</c>, <c>--require-healthy</c>) and the folder where the private copy is written.
/// </summary>
public sealed record PromotionOptions(
    string RepositoryRoot,
    string KubernetesFolder,
    string From,
    string? To,
    string? Only,
    TimeSpan? MinSoak,
    bool RequireHealthy,
    string ScratchFolder
);
