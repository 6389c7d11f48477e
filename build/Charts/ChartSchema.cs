using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Charts;

/// <summary>A schema derived from a CRD of a pinned chart, with the chart and the digest of its archive.</summary>
public sealed record ChartSchema(CrdSchema Schema, ChartSource Chart, string Digest);
