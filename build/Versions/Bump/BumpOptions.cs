using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// One Bump run: the cluster whose pins move and the policy (<c>--allow</c>, <c>--pre-release</c>, <c>--only</c>).
/// What happens to the plan (dry run, working tree, pull requests) is the delivery's choice.
/// </summary>
public sealed record BumpOptions(string Cluster, BumpPolicy Policy);
