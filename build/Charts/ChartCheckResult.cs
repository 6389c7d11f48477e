using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Charts;

/// <summary>What the charts a cluster pins give its validation: schemas for its custom resources, and findings.</summary>
public sealed record ChartCheckResult(IReadOnlyList<ChartSchema> Schemas, IReadOnlyList<Finding> Findings);
