using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Caching;
using GitOpsRunners.Validation.Reports;

namespace GitOpsRunners.Benchmarks;

/// <summary>
/// The differential property of Validate's caches: for each seeded run, a generated repository gets random
/// <see cref="RepositoryEdits"/> and is validated with the kustomize build cache (one folder shared by every run,
/// several at once, so runs meet entries other states left) and without; the two reports and rendered trees must be
/// byte-identical. Then half the runs change one more file and half change nothing, and Validate through the result
/// cache (which may reuse the first answer only when nothing changed) must again give the uncached report.
/// </summary>
public sealed class CacheDifferential(KustomizeCli kustomize, IReadOnlyList<string> schemaLocations)
{
    private KustomizeCli Kustomize { get; } = kustomize;

    private IReadOnlyList<string> SchemaLocations { get; } = schemaLocations;

    public async Task<CacheDifferentialResult> RunAsync(
        string workDirectory,
        int runs,
        int edits,
        int seed,
        CancellationToken ct
    )
    {
        var builds = new KustomizeBuildCache(Path.Combine(workDirectory, "cache"));
        var answers = new KustomizeBuildCache(Path.Combine(workDirectory, "answers"));
        var reused = 0;
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<(int Run, string Text)>();
        using var http = new HttpClient();
        // Runs are independent and mostly wait on kustomize, so several run at once (sharing the cache folders).
        await Parallel
            .ForEachAsync(
                Enumerable.Range(0, runs),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2, CancellationToken = ct },
                async (run, token) =>
                {
                    var outcome = await new Run(this, workDirectory, run, seed, builds, answers, http)
                        .CompareAsync(edits, token)
                        .ConfigureAwait(false);
                    if (outcome.Reused)
                    {
                        Interlocked.Increment(ref reused);
                    }

                    if (outcome.Mismatch is { } mismatch)
                    {
                        mismatches.Add((run, mismatch));
                    }
                }
            )
            .ConfigureAwait(false);

        return new CacheDifferentialResult(
            runs,
            edits,
            builds.Hits,
            reused,
            [.. mismatches.OrderBy(m => m.Run).Select(m => m.Text)]
        );
    }

    /// <summary>One seeded repository, validated with and without the caches after each round of edits.</summary>
    private sealed class Run(
        CacheDifferential owner,
        string workDirectory,
        int run,
        int seed,
        KustomizeBuildCache builds,
        KustomizeBuildCache answers,
        HttpClient http
    )
    {
        private readonly string _root = Path.Combine(workDirectory, $"run-{run}");
        private readonly Random _random = new(seed + run);

        public async Task<(string? Mismatch, bool Reused)> CompareAsync(int edits, CancellationToken ct)
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }

            var (clusters, apps) = (1 + _random.Next(2), 1 + _random.Next(3));
            SyntheticRepository.Generate(_root, clusters, apps);
            var editor = new RepositoryEdits(_root, clusters, apps, _random);
            var applied = Enumerable.Range(0, edits).Select(_ => editor.ApplyOne()).ToList();
            var results = new ValidationResultCache(answers, _root, []);
            var key = ValidationResultCache.Key([_root]);
            try
            {
                var first = await results
                    .ValidateAsync(key, (_, reads) => ValidateAsync(builds, reads, ct))
                    .ConfigureAwait(false);
                var uncached = await ValidateAsync(null, null, ct).ConfigureAwait(false);
                if (FirstDifference(Text(first, withTree: true), Text(uncached, withTree: true)) is { } difference)
                {
                    return (Describe(clusters, apps, applied, difference), false);
                }

                if (_random.Next(2) == 0)
                {
                    applied.Add("then " + editor.ApplyOne());
                }

                var second = await results
                    .ValidateAsync(key, (_, reads) => ValidateAsync(builds, reads, ct))
                    .ConfigureAwait(false);
                var secondUncached = await ValidateAsync(null, null, ct).ConfigureAwait(false);
                return (
                    FirstDifference(Text(second, withTree: false), Text(secondUncached, withTree: false)) is { } again
                        ? Describe(clusters, apps, applied, $"after the result cache: {again}")
                        : null,
                    second.Timings.ReusedAnswer
                );
            }
            finally
            {
                Directory.Delete(_root, recursive: true);
            }
        }

        private string Describe(int clusters, int apps, List<string> applied, string difference) =>
            $"run {run} (seed {seed + run}, {clusters}x{apps}, edits: {string.Join("; ", applied)}): {difference}";

        private async Task<ValidationResult> ValidateAsync(
            KustomizeBuildCache? cache,
            ReadLog? reads,
            CancellationToken ct
        )
        {
            using var renderer = new FluxRenderer(owner.Kustomize, new RenderOptions { BuildCache = cache });
            return await new ValidationPipeline(owner.Kustomize, http, renderer)
                .RunAsync(BenchmarkOptions.For(_root, owner.SchemaLocations) with { Reads = reads }, ct)
                .ConfigureAwait(false);
        }
    }

    private static string Text(ValidationResult result, bool withTree) =>
        JsonReport.Render(result.Report)
        + (withTree ? string.Join("\n", result.Clusters.Select(RenderedClusterWriter.ToYaml)) : "");

    private static string? FirstDifference(string cached, string uncached)
    {
        if (string.Equals(cached, uncached, StringComparison.Ordinal))
        {
            return null;
        }

        var left = cached.Split('\n');
        var right = uncached.Split('\n');
        var line = Enumerable.Range(0, Math.Min(left.Length, right.Length)).FirstOrDefault(i => left[i] != right[i]);
        return $"line {line + 1}: cached '{left.ElementAtOrDefault(line)}' but uncached '{right.ElementAtOrDefault(line)}'";
    }
}
