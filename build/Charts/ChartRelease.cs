using GitOpsRunners.Manifests;

namespace GitOpsRunners.Charts;

/// <summary>A HelmRelease of a rendered cluster and the chart it would install.</summary>
/// <param name="VersionPath">The field of the release (or of its source) that pins the version, for locating findings.</param>
public sealed record ChartRelease(Manifest Release, ChartSource Source, Manifest PinnedBy, string[] VersionPath);
