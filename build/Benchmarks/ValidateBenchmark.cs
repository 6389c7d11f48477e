using System.Globalization;
using System.Text.RegularExpressions;
using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Benchmarks;

/// <summary>
/// Measures Validate on a generated repository, end to end in a fresh process each time: cold (empty build
/// cache), warm with no change, warm after one file of one app changed, and warm after a base file every cluster
/// includes changed; against the floors — the same unique kustomize builds run one after another, and two at a
/// time, in a shell.
/// </summary>
public sealed partial class ValidateBenchmark(DotNetCli dotnet, ShellCli shell, KustomizeCli kustomize)
{
    public async Task<BenchmarkResult> RunAsync(
        string workDirectory,
        int clusters,
        int apps,
        IReadOnlyList<string> schemaLocations,
        CancellationToken ct
    )
    {
        var root = Path.Combine(workDirectory, $"{clusters}x{apps}");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        SyntheticRepository.Generate(root, clusters, apps);
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));

        var runs = new List<BenchmarkRun>
        {
            await ValidateAsync("cold", root, schemaLocations, null, ct).ConfigureAwait(false),
        };
        var (objects, builds, floor, pairFloor) = await FloorsAsync(root, schemaLocations, ct).ConfigureAwait(false);
        runs.Add(await ValidateAsync("warm, no change", root, schemaLocations, 0, ct).ConfigureAwait(false));

        Edit(root, "kubernetes/apps/base/app-00/app/deployment.yaml", ":1.0.0@", ":1.0.1@");
        runs.Add(await ValidateAsync("warm, one app file changed", root, schemaLocations, 1, ct).ConfigureAwait(false));

        // Every cluster's overlay includes the app's base folder, so every overlay build (one per cluster) reads it.
        Edit(root, "kubernetes/apps/base/app-00/namespace.yaml", "enforce: restricted", "enforce: baseline");
        runs.Add(
            await ValidateAsync("warm, shared base file changed", root, schemaLocations, clusters, ct)
                .ConfigureAwait(false)
        );

        return new BenchmarkResult(clusters, apps, objects, builds, floor, pairFloor, runs);
    }

    private async Task<BenchmarkRun> ValidateAsync(
        string name,
        string root,
        IReadOnlyList<string> schemaLocations,
        int? expectedBuilds,
        CancellationToken ct
    )
    {
        string[] arguments =
        [
            "Validate",
            "--repository-root",
            root,
            "--root",
            "kubernetes",
            "--verbosity",
            "verbose",
            .. schemaLocations.SelectMany(l => new[] { "--schema-location", l }),
        ];
        var environment = new Dictionary<string, string?>
        {
            ["SCHEMA_LOCATION"] = null,
            ["BUILD_ROOT_DIRECTORY"] = null,
            ["NO_COLOR"] = "1",
        };
        var run = await dotnet
            .RunProgramAsync(typeof(ValidateBenchmark).Assembly.Location, arguments, environment, root, ct)
            .ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new BuildException(
                $"Validate ({name}) failed on the generated repository {root} (exit {run.ExitCode}):\n{run.Output}"
            );
        }

        var builds = Invocations().Match(run.Output) is { Success: true } match
            ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture)
            : throw new BuildException($"Validate ({name}) did not print its kustomize invocations:\n{run.Output}");
        return new BenchmarkRun(name, run.Elapsed, builds, expectedBuilds, run.PeakKibibytes);
    }

    /// <summary>The objects and unique builds of one uncached Validate, and those builds replayed in a shell, one and two at a time.</summary>
    private async Task<(int Objects, int Builds, TimeSpan Floor, TimeSpan PairFloor)> FloorsAsync(
        string root,
        IReadOnlyList<string> schemaLocations,
        CancellationToken ct
    )
    {
        using var renderer = new FluxRenderer(kustomize);
        using var http = new HttpClient();
        var before = kustomize.Invocations.Count;
        var result = await new ValidationPipeline(kustomize, http, renderer)
            .RunAsync(BenchmarkOptions.For(root, schemaLocations), ct)
            .ConfigureAwait(false);
        var builds = kustomize
            .Invocations.Skip(before)
            .Select(i => i.Directory)
            .Distinct(StringComparer.Ordinal)
            .Select(kustomize.CommandLine)
            .ToList();
        var floor = await shell.RunSequentiallyAsync(builds, ct).ConfigureAwait(false);
        var pairFloor = await shell.RunInParallelAsync(builds, 2, ct).ConfigureAwait(false);
        return (result.Report.ObjectCount, builds.Count, floor, pairFloor);
    }

    private static void Edit(string root, string relative, string from, string to)
    {
        var path = Path.Combine(root, relative);
        var text = File.ReadAllText(path);
        if (!text.Contains(from, StringComparison.Ordinal))
        {
            throw new BuildException($"The benchmark edit expected '{from}' in {path}.");
        }

        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"KustomizeInvocations\s*=\s*(?<n>\d+)")]
    private static partial Regex Invocations();
}
