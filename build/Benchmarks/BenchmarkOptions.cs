using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Benchmarks;

/// <summary>How the benchmarks validate a generated repository in-process: its own cache folder, the given schemas.</summary>
public static class BenchmarkOptions
{
    public static ValidationOptions For(string root, IReadOnlyList<string> schemaLocations) =>
        new(
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
}
