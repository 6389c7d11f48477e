using System.Globalization;
using GitOpsRunners.Benchmarks;
using GitOpsRunners.Engine;
using GitOpsRunners.Tools;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("Benchmark sizes as <clusters>x<apps>, e.g. 20x25 50x25")]
    string[] BenchmarkSizes { get; set; } = ["20x25", "50x25"];

    [Parameter(
        "Also run the build cache's differential property this many times (random edits, cached and uncached Validate compared), e.g. 200",
        Minimum = 0
    )]
    int PropertyRuns { get; set; }

    Target Benchmark =>
        _ =>
            _.Description(
                    "Generate synthetic repositories and measure Validate cold and warm (no change, one file, a shared base) against the kustomize floors"
                )
                .Executes(async ct =>
                {
                    var locations = SchemaLocation.Length > 0 ? SchemaLocation : DefaultSchemaLocations;
                    var benchmark = new ValidateBenchmark(DotNet, new ShellCli(), Kustomize);
                    var table = new Table().AddColumns(
                        "Clusters × apps",
                        "Run",
                        "Time",
                        "/ floor",
                        "/ 2-at-a-time floor",
                        "kustomize builds run",
                        "Peak memory"
                    );
                    var floors = new List<string>();
                    foreach (var size in BenchmarkSizes)
                    {
                        var (clusters, apps) = ParseSize(size);
                        var result = await Status.RunAsync(
                            $"Validating a generated {size} repository",
                            token =>
                                benchmark.RunAsync(
                                    Path.Combine(TemporaryDirectory, "benchmark"),
                                    clusters,
                                    apps,
                                    locations,
                                    token
                                ),
                            ct
                        );
                        foreach (var run in result.Runs)
                        {
                            table.AddRow(
                                size,
                                run.Name,
                                Seconds(run.Elapsed),
                                Ratio(result.FloorRatio(run)),
                                Ratio(result.PairFloorRatio(run)),
                                run.Builds.ToString(CultureInfo.InvariantCulture)
                                    + (
                                        run.ExpectedBuilds is { } expected
                                            ? $" (expected {expected.ToString(CultureInfo.InvariantCulture)})"
                                            : ""
                                    ),
                                run.PeakKibibytes is { } peak
                                    ? $"{(peak / 1024.0).ToString("F0", CultureInfo.InvariantCulture)} MiB"
                                    : "n/a"
                            );
                        }

                        floors.Add(
                            $"{size}: {result.Objects.ToString(CultureInfo.InvariantCulture)} objects, {result.UniqueBuilds.ToString(CultureInfo.InvariantCulture)} unique kustomize builds, floor {Seconds(result.Floor)}, 2-at-a-time floor {Seconds(result.PairFloor)}"
                        );
                        AddNote(
                            $"{size}: cold {Ratio(result.FloorRatio(result.Runs[0]))}, warm {Ratio(result.FloorRatio(result.Runs[1]))} floor"
                        );
                    }

                    Console.Write(table);
                    foreach (var line in floors)
                    {
                        Console.MarkupLine($"[grey]{Markup.Escape(line)}[/]");
                    }

                    Console.MarkupLine(
                        $"[grey]{Environment.ProcessorCount} cores ({Markup.Escape(CpuModel())}); each run is Validate end to end in a fresh process; cold = empty build cache; floor = the same unique kustomize builds one after another in a shell, 2-at-a-time = xargs -P2.[/]"
                    );
                    if (PropertyRuns > 0)
                    {
                        await RunCachePropertyAsync(locations, ct);
                    }
                });

    async Task RunCachePropertyAsync(IReadOnlyList<string> locations, CancellationToken ct)
    {
        const int Edits = 5;
        var result = await Status.RunAsync(
            $"Comparing cached and uncached Validate over {PropertyRuns} randomly edited repositories",
            token =>
                new CacheDifferential(Kustomize, locations).RunAsync(
                    Path.Combine(TemporaryDirectory, "benchmark", "property"),
                    PropertyRuns,
                    Edits,
                    seed: 20261201,
                    token
                ),
            ct
        );
        Console.MarkupLine(
            $"Cache property: {result.Runs} runs of {result.EditsPerRun} random edits, {result.CacheHits} cache hits, {result.ReusedAnswers} reused answers, {result.Mismatches.Count} mismatches."
        );
        if (result.Mismatches.Count > 0)
        {
            throw new BuildException(
                $"Cached and uncached Validate differ in {result.Mismatches.Count} run(s):\n{string.Join("\n", result.Mismatches)}"
            );
        }
    }

    static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                    .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                    ?.Split(':', 2)[1]
                    .Trim()
                ?? "CPU model unknown";
        }
        catch (IOException)
        {
            return "CPU model unknown";
        }
    }

    static string Ratio(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture) + "×";

    static (int Clusters, int Apps) ParseSize(string size)
    {
        var parts = size.Split('x', 'X');
        return
            parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var clusters)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var apps)
            && clusters > 0
            && apps > 0
            ? (clusters, apps)
            : throw new UsageException($"--benchmark-sizes {size}: expected <clusters>x<apps>, e.g. 20x25.");
    }

    static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";
}
