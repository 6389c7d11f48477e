using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Rendering;

/// <summary>The objects of one kustomize output document after post-build, and a Secret's real values if it was one.</summary>
internal sealed record FinishedDocument(
    IReadOnlyList<RenderedObject> Objects,
    IReadOnlyList<Finding> Findings,
    (string Key, SecretValues Values)? Secret = null
);
