namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// One chart version from a Helm repository's <c>index.yaml</c>. <see cref="Digest"/> is the sha256 hex of
/// the chart archive as the index gives it (no <c>sha256:</c> prefix; may be absent). <see cref="Urls"/> are
/// resolved against the repository URL.
/// </summary>
public sealed record HelmChartVersion(
    string Version,
    string? AppVersion,
    DateTimeOffset? Created,
    string? Digest,
    IReadOnlyList<Uri> Urls
);
