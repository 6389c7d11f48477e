namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// How manifests are checked against JSON schemas (kubeconform's flags).
/// <paramref name="Skip"/> and <paramref name="Reject"/> hold <c>Kind</c> or <c>apiVersion/Kind</c> entries.
/// <paramref name="CacheDirectory"/> keeps downloaded schemas (e.g. <c>.nuke/temp/schemas</c>).
/// </summary>
public sealed record SchemaValidationOptions(
    IReadOnlyList<string> Locations,
    string KubernetesVersion,
    bool Strict,
    bool IgnoreMissingSchemas,
    IReadOnlySet<string> Skip,
    IReadOnlySet<string> Reject,
    string CacheDirectory
);
