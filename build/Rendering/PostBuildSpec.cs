using GitOpsRunners.Rendering.Substitution;

namespace GitOpsRunners.Rendering;

/// <summary><c>spec.postBuild</c> of a Flux Kustomization.</summary>
public sealed record PostBuildSpec(
    IReadOnlyDictionary<string, string> Substitute,
    IReadOnlyList<SubstituteReference> SubstituteFrom,
    SubstituteStrategy Strategy
);
