using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// One Bump run: the cluster whose pins move, the policy (<c>--allow</c>, <c>--pre-release</c>, <c>--only</c>),
/// and what to do with the plan: print it and its diff (<see cref="DryRun"/>), publish one pull request per
/// group (<see cref="Pr"/>), or else edit the working tree.
/// </summary>
public sealed record BumpOptions(string Cluster, BumpPolicy Policy, bool DryRun = false, bool Pr = false);
