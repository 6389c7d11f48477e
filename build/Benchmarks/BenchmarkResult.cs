namespace GitOpsRunners.Benchmarks;

/// <summary>The figures of one benchmark size.</summary>
public sealed record BenchmarkResult(
    int Clusters,
    int Apps,
    int Objects,
    int KustomizeInvocations,
    TimeSpan Cold,
    TimeSpan Warm,
    TimeSpan Floor
)
{
    public double ObjectsPerSecond => Objects / Math.Max(Warm.TotalSeconds, 0.001);

    public double FloorRatio => Warm.TotalSeconds / Math.Max(Floor.TotalSeconds, 0.001);
}
