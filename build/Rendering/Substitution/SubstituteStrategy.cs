namespace GitOpsRunners.Rendering.Substitution;

// PLACEHOLDER: replaced by the substitution library on merge.
public enum SubstituteStrategy
{
    WithVariables,
    Always,
}
