namespace GitOpsRunners.Benchmarks;

/// <summary>
/// The figures of one benchmark size: the objects Validate checks, the unique kustomize builds it needs, the floors
/// (those builds one after another, and two at a time, in a shell) and each measured run.
/// </summary>
public sealed record BenchmarkResult(
    int Clusters,
    int Apps,
    int Objects,
    int UniqueBuilds,
    TimeSpan Floor,
    TimeSpan PairFloor,
    IReadOnlyList<BenchmarkRun> Runs
)
{
    public double FloorRatio(BenchmarkRun run) => run.Elapsed.TotalSeconds / Math.Max(Floor.TotalSeconds, 0.001);

    public double PairFloorRatio(BenchmarkRun run) =>
        run.Elapsed.TotalSeconds / Math.Max(PairFloor.TotalSeconds, 0.001);
}
