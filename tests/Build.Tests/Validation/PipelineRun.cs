using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Tests.Validation;

/// <summary>
/// The validation pipeline run in-process on a repository against the shared schemas as CI uses them (strict,
/// Kubernetes 1.36.0), with no rule disabled and no Renovate schema.
/// </summary>
internal static class PipelineRun
{
    /// <summary>CI's <c>SCHEMA_LOCATION</c> templates, relative to the shared schemas folder.</summary>
    private static readonly string[] SchemaTemplates =
    [
        "kubernetes/{{.NormalizedKubernetesVersion}}-standalone{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json",
        "crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json",
    ];

    /// <summary>The schema locations under <c>GITOPS_TEST_SCHEMAS</c>, or one folder that does not exist when it is not set.</summary>
    public static IReadOnlyList<string> SchemaLocations() =>
        SharedData.SchemasRoot is { } schemas
            ? [.. SchemaTemplates.Select(template => Path.Combine(schemas, template))]
            : [Path.Combine(Path.GetTempPath(), "no-schemas-here")];

    /// <summary>Validates <paramref name="kubernetesFolder"/> of <paramref name="root"/>; missing schemas are ignored only when no shared schemas are set.</summary>
    public static async Task<ValidationResult> ValidateAsync(string root, string kubernetesFolder)
    {
        using var cache = new TempDirectory();
        var schemas = new SchemaValidationOptions(
            Locations: SchemaLocations(),
            KubernetesVersion: "1.36.0",
            Strict: true,
            IgnoreMissingSchemas: SharedData.SchemasRoot is null,
            Skip: new HashSet<string>(),
            Reject: new HashSet<string>(),
            CacheDirectory: cache.Path
        );
        var options = new ValidationOptions(
            RepositoryRoot: root,
            KubernetesFolder: kubernetesFolder,
            Cluster: null,
            Schemas: schemas,
            RenovateSchema: "unused",
            DisabledRules: new HashSet<string>(),
            CacheDirectory: cache.Path
        );
        using var http = new HttpClient();
        return await new ValidationPipeline(KustomizeCli.Locate(), http).RunAsync(options, CancellationToken.None);
    }
}
