using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Versions.Lookup;

/// <summary>
/// What to look up besides the version list: digests of the tags <see cref="Policy"/> could pick (for pins
/// that record a digest), and GitHub release notes and the actions/runner freshness check.
/// </summary>
public sealed record LookupOptions(BumpPolicy Policy, bool Digests = true, bool Releases = true);
