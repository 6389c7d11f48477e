namespace GitOpsRunners.Engine;

/// <summary>A run-time condition of a target, with its source text used as the skip reason.</summary>
public sealed record TargetCondition(string Expression, Func<bool> Evaluate);
