using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Rendering;

/// <summary>Everything Flux would apply to one cluster, in rendering order, and the findings on the way.</summary>
public sealed record RenderedCluster(
    string Name,
    IReadOnlyList<RenderedObject> Objects,
    IReadOnlyList<Finding> Findings
);
