namespace GitOpsRunners.Benchmarks;

/// <summary>
/// One end-to-end Validate of a benchmark: its name (cold, warm with no change, …), wall time, how many kustomize
/// builds it ran, how many it should have run when that is known, and its peak memory in KiB when measured.
/// </summary>
public sealed record BenchmarkRun(string Name, TimeSpan Elapsed, int Builds, int? ExpectedBuilds, long? PeakKibibytes);
