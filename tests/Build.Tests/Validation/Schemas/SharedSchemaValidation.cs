using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Tests.Validation.Schemas;

/// <summary>
/// Validate run in process as CI runs it: strict schemas for Kubernetes 1.36.0 from the shared Kubernetes and CRD
/// schemas (GITOPS_TEST_SCHEMAS), no rule disabled, the cache in a folder of the caller's.
/// </summary>
internal static class SharedSchemaValidation
{
    /// <summary>The kubeconform locations of the shared Kubernetes and CRD schemas under <paramref name="schemas"/>.</summary>
    public static string[] Locations(string schemas) =>
        [
            Path.Combine(
                schemas,
                "kubernetes/{{.NormalizedKubernetesVersion}}-standalone{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json"
            ),
            Path.Combine(schemas, "crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json"),
        ];

    /// <summary>The shared schemas' locations, or one folder that holds none when GITOPS_TEST_SCHEMAS is not set.</summary>
    public static string[] LocationsOrNone() =>
        SharedData.SchemasRoot is { } schemas
            ? Locations(schemas)
            : [Path.Combine(Path.GetTempPath(), "no-schemas-here")];

    /// <summary>Runs the validation pipeline on <paramref name="root"/> (its Kubernetes folder <paramref name="kubernetes"/>).</summary>
    public static async Task<ValidationResult> RunAsync(
        string root,
        string kubernetes,
        IReadOnlyList<string> locations,
        bool ignoreMissingSchemas,
        string cache,
        FluxRenderer? renderer = null
    )
    {
        var options = new ValidationOptions(
            root,
            kubernetes,
            null,
            new SchemaValidationOptions(
                locations,
                "1.36.0",
                true,
                ignoreMissingSchemas,
                new HashSet<string>(),
                new HashSet<string>(),
                cache
            ),
            "unused",
            new HashSet<string>(),
            cache
        );
        using var http = new HttpClient();
        return await new ValidationPipeline(KustomizeCli.Locate(), http, renderer)
            .RunAsync(options, CancellationToken.None)
            .ConfigureAwait(false);
    }
}
