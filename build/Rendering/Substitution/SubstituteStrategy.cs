namespace GitOpsRunners.Rendering.Substitution;

/// <summary>The Kustomization's <c>spec.postBuild.substituteStrategy</c>.</summary>
public enum SubstituteStrategy
{
    /// <summary>Flux's default: substitute only when at least one variable is defined.</summary>
    WithVariables,

    /// <summary>Substitute every resource, so defaults such as <c>${x:=d}</c> apply with no variables.</summary>
    Always,
}
