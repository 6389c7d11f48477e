namespace GitOpsRunners.Rendering.Substitution;

/// <summary>The substituted text and the spans of it that <c>${…}</c> expansions produced, in order.</summary>
public sealed record EnvSubstResult(string Output, IReadOnlyList<SubstitutedSpan> Spans);
