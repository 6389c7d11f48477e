using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Benchmarks;

/// <summary>How the benchmarks validate a generated repository in-process: its own cache folder, the given schemas.</summary>
public static class BenchmarkOptions
{
    public static ValidationOptions For(string root, IReadOnlyList<string> schemaLocations) =>
        For(
            root,
            "kubernetes",
            schemaLocations,
            ignoreMissingSchemas: true,
            Path.Combine(root, ".nuke", "temp", "schemas"),
            Path.Combine(root, ".nuke", "temp")
        );

    /// <summary>
    /// Validation of <paramref name="kubernetes"/> in <paramref name="root"/> as CI runs it: strict schemas for
    /// Kubernetes 1.36.0, no kind skipped or rejected, no rule disabled, no Renovate schema.
    /// </summary>
    public static ValidationOptions For(
        string root,
        string kubernetes,
        IReadOnlyList<string> schemaLocations,
        bool ignoreMissingSchemas,
        string schemaCache,
        string cache
    ) =>
        new(
            root,
            kubernetes,
            null,
            new SchemaValidationOptions(
                schemaLocations,
                "1.36.0",
                true,
                ignoreMissingSchemas,
                new HashSet<string>(),
                new HashSet<string>(),
                schemaCache
            ),
            "unused",
            new HashSet<string>(),
            cache
        );
}
