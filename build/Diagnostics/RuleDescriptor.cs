namespace GitOpsRunners.Diagnostics;

/// <summary>
/// What a rule id stands for: how bad a violation is by default, why it matters (<paramref name="Rationale"/>),
/// and what a user can do about it (<paramref name="Help"/>: the fix, or how to opt out). Declared next to the
/// code that reports the id; <c>RuleCatalog</c> gathers every one.
/// </summary>
public sealed record RuleDescriptor(string Id, Severity DefaultSeverity, string Rationale, string Help);
