using GitOpsRunners.Rendering;
using GitOpsRunners.Validation.Reports;

namespace GitOpsRunners.Validation;

/// <summary>The report of one Validate run and the clusters it rendered.</summary>
public sealed record ValidationResult(
    ValidationReport Report,
    IReadOnlyList<RenderedCluster> Clusters,
    ValidationTimings Timings
);
