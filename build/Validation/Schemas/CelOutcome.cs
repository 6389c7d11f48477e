using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>One CEL verdict: a failed rule (error) or a rule that could not be evaluated (info), at a field path.</summary>
public sealed record CelOutcome(Severity Severity, string RuleId, string Message, IReadOnlyList<string> Path);
