namespace GitOpsRunners.Engine;

/// <summary>The results of every planned target and the process exit code they add up to.</summary>
public sealed record BuildOutcome(IReadOnlyList<TargetResult> Results, int ExitCode);
