using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Manifests;

/// <summary>Every Kubernetes object found in a tree of YAML files, and the findings about the files.</summary>
/// <param name="Files">Repository-relative paths of the YAML files read, sorted.</param>
public sealed record RepositoryScan(
    IReadOnlyList<Manifest> Manifests,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Files
);
