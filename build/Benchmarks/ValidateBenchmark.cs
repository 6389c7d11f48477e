using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Benchmarks;

/// <summary>
/// Measures Validate on a generated repository: end to end in a fresh process, cold (empty caches) and
/// warm (second run), against the floor — the same unique kustomize builds run one after another in a shell.
/// </summary>
public sealed class ValidateBenchmark(DotNetCli dotnet, ShellCli shell, KustomizeCli kustomize)
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

        string[] arguments =
        [
            "Validate",
            "--repository-root",
            root,
            "--root",
            "kubernetes",
            .. schemaLocations.SelectMany(l => new[] { "--schema-location", l }),
        ];
        var environment = new Dictionary<string, string?>
        {
            ["SCHEMA_LOCATION"] = null,
            ["BUILD_ROOT_DIRECTORY"] = null,
            ["NO_COLOR"] = "1",
        };
        var assembly = typeof(ValidateBenchmark).Assembly.Location;
        var cold = await dotnet.RunProgramAsync(assembly, arguments, environment, root, ct).ConfigureAwait(false);
        if (cold.ExitCode != 0)
        {
            throw new BuildException(
                $"Validate failed on the generated {clusters}x{apps} repository (exit {cold.ExitCode}):\n{cold.Output}"
            );
        }

        var warm = await dotnet.RunProgramAsync(assembly, arguments, environment, root, ct).ConfigureAwait(false);

        // The floor: replay the exact kustomize builds one Validate run makes, sequentially, in a shell.
        using var renderer = new FluxRenderer(kustomize);
        using var http = new HttpClient();
        var options = new ValidationOptions(
            root,
            "kubernetes",
            null,
            new SchemaValidationOptions(
                schemaLocations,
                "1.36.0",
                true,
                true,
                new HashSet<string>(),
                new HashSet<string>(),
                Path.Combine(root, ".nuke", "temp", "schemas")
            ),
            "unused",
            new HashSet<string>(),
            Path.Combine(root, ".nuke", "temp")
        );
        var before = kustomize.Invocations.Count;
        var result = await new ValidationPipeline(kustomize, http, renderer)
            .RunAsync(options, ct)
            .ConfigureAwait(false);
        var builds = kustomize
            .Invocations.Skip(before)
            .Select(i => i.Directory)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var floor = await shell.RunSequentiallyAsync(builds.Select(kustomize.CommandLine), ct).ConfigureAwait(false);

        return new BenchmarkResult(
            clusters,
            apps,
            result.Report.ObjectCount,
            builds.Count,
            cold.Elapsed,
            warm.Elapsed,
            floor
        );
    }
}
