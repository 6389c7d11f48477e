using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Rules;

/// <summary>What a rule checks, how bad a violation is by default, why, and how to opt out.</summary>
public sealed record RuleDescriptor(string Id, Severity DefaultSeverity, string Rationale, string OptOut);
