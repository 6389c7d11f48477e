using GitOpsRunners.Engine;
using GitOpsRunners.Validation.Schemas;
using NJsonSchema;

namespace GitOpsRunners.Validation.Renovate;

/// <summary>
/// Where Renovate's JSON schema comes from: a local file, or a URL downloaded once into
/// <paramref name="cacheDirectory"/> (e.g. <c>.nuke/temp/schemas</c>) and read from there afterwards.
/// </summary>
public sealed class RenovateSchemaSource(string location, string cacheDirectory, HttpClient http)
{
    public const string DefaultUrl = "https://docs.renovatebot.com/renovate-schema.json";
    public const string EnvironmentVariable = "RENOVATE_SCHEMA";

    public string Location { get; } = location;

    public async Task<JsonSchema> LoadAsync(CancellationToken ct) =>
        await JsonSchemaCompiler
            .CompileAsync(await ReadAsync(ct).ConfigureAwait(false), Location, ct)
            .ConfigureAwait(false);

    private async Task<string> ReadAsync(CancellationToken ct)
    {
        var isHttp =
            Location.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || Location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        string? text;
        try
        {
            text = await new SchemaSourceReader(http, new SchemaDiskCache(cacheDirectory))
                .ReadAsync(Location, isHttp, ct)
                .ConfigureAwait(false);
        }
        catch (BuildException e) when (isHttp)
        {
            throw Unavailable(e.Message.Split(". When offline", 2)[0]);
        }

        return text
            ?? throw (
                isHttp
                    ? Unavailable($"{Location} answered 404 Not Found")
                    : new BuildException(
                        $"the Renovate schema file {Location} does not exist; set {EnvironmentVariable} to a local copy of renovate-schema.json"
                    )
            );
    }

    private RenovateSchemaUnavailableException Unavailable(string reason) =>
        new(
            $"cannot get the Renovate schema from {Location} ({reason}). "
                + $"Offline, set {EnvironmentVariable} to a local copy of renovate-schema.json (it ships in the renovate npm package)."
        );
}
