using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Validation;

/// <summary>What an <see cref="IClusterSchemaSource"/> gives one cluster: schemas for its custom resources, and findings.</summary>
public sealed record ClusterSchemas(IReadOnlyList<CrdSchema> Schemas, IReadOnlyList<Finding> Findings)
{
    public static ClusterSchemas None { get; } = new([], []);
}
