using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Validation;

/// <summary>What one Validate run looks at and how strictly.</summary>
/// <param name="RepositoryRoot">Absolute path of the repository.</param>
/// <param name="KubernetesFolder">Repository-relative folder of the Flux tree (holds <c>clusters/</c>).</param>
/// <param name="Cluster">One cluster to validate, or null for every cluster.</param>
/// <param name="RenovateSchema">Path or URL of Renovate's schema; null skips the check when there is no renovate.json.</param>
public sealed record ValidationOptions(
    string RepositoryRoot,
    string KubernetesFolder,
    string? Cluster,
    SchemaValidationOptions Schemas,
    string RenovateSchema,
    IReadOnlySet<string> DisabledRules,
    string CacheDirectory
)
{
    /// <summary>Delegate schema checks to a <c>kubeconform</c> binary instead of the built-in validator.</summary>
    public bool UseKubeconform { get; init; }

    /// <summary>actions/runner releases, when they were looked up; enables the runner-age policy.</summary>
    public IReadOnlyList<Git.ReleaseInfo>? RunnerReleases { get; init; }

    /// <summary>Checks over all rendered clusters that other capabilities supply (e.g. <c>renovate-comment</c>).</summary>
    public IReadOnlyList<Rules.IRepositoryRule> RepositoryRules { get; init; } = [];

    /// <summary>Schemas and findings per cluster from outside the repository (the pinned charts' CRDs), or null.</summary>
    public IClusterSchemaSource? ClusterSchemaSource { get; init; }

    /// <summary>Records the schema files read outside the repository (for the result cache), when set.</summary>
    public Caching.ReadLog? Reads { get; init; }
}
