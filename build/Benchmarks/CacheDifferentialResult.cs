namespace GitOpsRunners.Benchmarks;

/// <summary>The outcome of a <see cref="CacheDifferential"/>: how many runs, cache hits, and every run whose reports differed.</summary>
public sealed record CacheDifferentialResult(
    int Runs,
    int EditsPerRun,
    int CacheHits,
    int ReusedAnswers,
    IReadOnlyList<string> Mismatches
);
