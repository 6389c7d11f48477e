using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Rendering;

/// <summary>
/// One cluster folder and the Flux Kustomization that reconciles it. <paramref name="RootIsCommitted"/>
/// is true when the root came from a committed gotk-sync.yaml, false when it is the one
/// <c>flux bootstrap</c> would create; <paramref name="RepositoryUrl"/> is the flux-system GitRepository URL when known.
/// </summary>
public sealed record ClusterEntry(
    string Name,
    string Directory,
    FluxKustomization Root,
    bool RootIsCommitted,
    string? RepositoryUrl,
    IReadOnlyList<Finding> Findings
)
{
    /// <summary>The committed GitRepository the root reads (its ref and spec.ignore apply to the root too).</summary>
    public Manifests.Manifest? RootSource { get; init; }
}
