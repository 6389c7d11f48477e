namespace GitOpsRunners.Tools;

/// <summary>One run of a program: exit code, wall time, what it printed and its peak resident memory in KiB (when measured).</summary>
public sealed record ProgramRun(int ExitCode, TimeSpan Elapsed, string Output, long? PeakKibibytes);
