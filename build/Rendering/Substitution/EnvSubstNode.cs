namespace GitOpsRunners.Rendering.Substitution;

/// <summary>A piece of parsed envsubst input: literal text or a <c>${…}</c> expansion.</summary>
internal abstract record EnvSubstNode;
