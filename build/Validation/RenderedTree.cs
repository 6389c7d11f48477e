using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Validation;

/// <summary>
/// What Validate's render stage produced: every YAML file of the tree read with its findings (<paramref name="Scan"/>)
/// and the clusters rendered as Flux would, with the time each took.
/// </summary>
public sealed record RenderedTree(
    RepositoryLayout Layout,
    RepositoryScan Scan,
    IReadOnlyList<RenderedCluster> Clusters,
    TimeSpan ScanTime,
    TimeSpan RenderTime
);
