using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation;

/// <summary>What Validate's check stage found in a <see cref="RenderedTree"/> (rules, schemas), with the time each took.</summary>
public sealed record CheckedTree(IReadOnlyList<Finding> Findings, TimeSpan RulesTime, TimeSpan SchemaTime);
