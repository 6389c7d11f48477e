namespace GitOpsRunners.Rendering.Substitution;

/// <summary>Literal text, with escapes such as <c>$$</c> already resolved.</summary>
internal sealed record EnvSubstText(string Value) : EnvSubstNode;
