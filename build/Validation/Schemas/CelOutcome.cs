using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>One CEL verdict: a failed rule (error) or a rule that could not be evaluated (info), at a field path.</summary>
public sealed record CelOutcome(RuleDescriptor Rule, string Message, IReadOnlyList<string> Path);
