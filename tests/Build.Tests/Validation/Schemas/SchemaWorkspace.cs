using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Tests.Validation.Schemas;

/// <summary>
/// A scratch folder and an HTTP client for schema specs, and the schema options, registry and validator built on
/// them (the download cache in the folder's <c>cache</c>).
/// </summary>
public sealed class SchemaWorkspace : IDisposable
{
    public TempDirectory Temp { get; } = new();

    public HttpClient Http { get; } = new();

    public SchemaValidationOptions Options(
        IReadOnlyList<string> locations,
        string kubernetesVersion = "master",
        bool strict = true,
        bool ignoreMissing = false,
        IEnumerable<string>? skip = null,
        IEnumerable<string>? reject = null
    ) =>
        new(
            locations,
            kubernetesVersion,
            strict,
            ignoreMissing,
            new HashSet<string>(skip ?? []),
            new HashSet<string>(reject ?? []),
            Temp.Combine("cache")
        );

    public SchemaRegistry Registry(SchemaValidationOptions options) => new(options, Http);

    public ManifestSchemaValidator Validator(SchemaValidationOptions options) => new(Registry(options), options);

    public void Dispose()
    {
        Http.Dispose();
        Temp.Dispose();
    }
}
