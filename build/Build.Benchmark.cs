using System.Globalization;
using GitOpsRunners.Benchmarks;
using GitOpsRunners.Engine;
using GitOpsRunners.Tools;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("Benchmark sizes as <clusters>x<apps>, e.g. 2x5 20x25")]
    string[] BenchmarkSizes { get; set; } = ["2x5", "20x25"];

    Target Benchmark =>
        _ =>
            _.Description(
                    "Generate synthetic repositories and measure Validate cold, warm and against the kustomize floor"
                )
                .Executes(async ct =>
                {
                    var locations = SchemaLocation.Length > 0 ? SchemaLocation : DefaultSchemaLocations;
                    var benchmark = new ValidateBenchmark(DotNet, new ShellCli(), Kustomize);
                    var table = new Table().AddColumns(
                        "Clusters × apps",
                        "Objects",
                        "kustomize builds",
                        "Cold",
                        "Warm",
                        "Objects/s (warm)",
                        "Floor",
                        "Warm / floor"
                    );
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
                        table.AddRow(
                            size,
                            result.Objects.ToString(CultureInfo.InvariantCulture),
                            result.KustomizeInvocations.ToString(CultureInfo.InvariantCulture),
                            Seconds(result.Cold),
                            Seconds(result.Warm),
                            result.ObjectsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
                            Seconds(result.Floor),
                            result.FloorRatio.ToString("F2", CultureInfo.InvariantCulture) + "×"
                        );
                        AddNote(
                            $"{size}: warm {Seconds(result.Warm)}, {result.FloorRatio.ToString("F2", CultureInfo.InvariantCulture)}× floor"
                        );
                    }

                    Console.Write(table);
                    Console.MarkupLine(
                        $"[grey]{Environment.ProcessorCount} cores; cold = first run with empty caches in a fresh process, warm = the next run; floor = the same unique kustomize builds run one after another in a shell.[/]"
                    );
                });

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
