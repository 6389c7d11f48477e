using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Reports;

namespace GitOpsRunners.Benchmarks;

/// <summary>
/// The differential property of the kustomize build cache: for each seeded run, a generated repository gets
/// random <see cref="RepositoryEdits"/> and is validated with the cache (one folder shared by every run, several at
/// once, so runs meet entries other states left) and without; the two reports and rendered trees must be byte-identical.
/// </summary>
public sealed class CacheDifferential(KustomizeCli kustomize, IReadOnlyList<string> schemaLocations)
{
    public async Task<CacheDifferentialResult> RunAsync(
        string workDirectory,
        int runs,
        int edits,
        int seed,
        CancellationToken ct
    )
    {
        var cache = new KustomizeBuildCache(Path.Combine(workDirectory, "cache"));
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<(int Run, string Text)>();
        using var http = new HttpClient();
        // Runs are independent and mostly wait on kustomize, so several run at once (sharing the cache folder).
        await Parallel
            .ForEachAsync(
                Enumerable.Range(0, runs),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2, CancellationToken = ct },
                async (run, token) =>
                {
                    if (
                        await RunOnceAsync(workDirectory, run, edits, seed, cache, http, token).ConfigureAwait(false) is
                        { } mismatch
                    )
                    {
                        mismatches.Add((run, mismatch));
                    }
                }
            )
            .ConfigureAwait(false);

        return new CacheDifferentialResult(
            runs,
            edits,
            cache.Hits,
            [.. mismatches.OrderBy(m => m.Run).Select(m => m.Text)]
        );
    }

    private async Task<string?> RunOnceAsync(
        string workDirectory,
        int run,
        int edits,
        int seed,
        KustomizeBuildCache cache,
        HttpClient http,
        CancellationToken ct
    )
    {
        var root = Path.Combine(workDirectory, $"run-{run}");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var random = new Random(seed + run);
        var (clusters, apps) = (1 + random.Next(2), 1 + random.Next(3));
        SyntheticRepository.Generate(root, clusters, apps);
        var editor = new RepositoryEdits(root, clusters, apps, random);
        var applied = Enumerable.Range(0, edits).Select(_ => editor.ApplyOne()).ToList();
        var cached = await ValidateAsync(root, cache, http, ct).ConfigureAwait(false);
        var uncached = await ValidateAsync(root, null, http, ct).ConfigureAwait(false);
        Directory.Delete(root, recursive: true);
        return FirstDifference(cached, uncached) is { } difference
            ? $"run {run} (seed {seed + run}, {clusters}x{apps}, edits: {string.Join("; ", applied)}): {difference}"
            : null;
    }

    private async Task<string> ValidateAsync(
        string root,
        KustomizeBuildCache? cache,
        HttpClient http,
        CancellationToken ct
    )
    {
        using var renderer = new FluxRenderer(kustomize, new RenderOptions { BuildCache = cache });
        var result = await new ValidationPipeline(kustomize, http, renderer)
            .RunAsync(BenchmarkOptions.For(root, schemaLocations), ct)
            .ConfigureAwait(false);
        return JsonReport.Render(result.Report)
            + string.Join("\n", result.Clusters.Select(RenderedClusterWriter.ToYaml));
    }

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
