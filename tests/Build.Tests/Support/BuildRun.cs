namespace GitOpsRunners.Tests.Support;

/// <summary>What an in-process build printed and the exit code it returned.</summary>
public sealed record BuildRun(int ExitCode, string Output);
