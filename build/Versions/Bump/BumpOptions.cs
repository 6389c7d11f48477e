using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// One Bump run: the cluster whose pins move, the policy (<c>--allow</c>, <c>--pre-release</c>, <c>--only</c>) and,
/// for a later stage bumped with <c>--force</c>, the reason the change records. What happens to the plan (dry run, working tree, pull requests) is the delivery's choice.
/// </summary>
public sealed record BumpOptions(string Cluster, BumpPolicy Policy, string? ForceReason = null);
