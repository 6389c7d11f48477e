using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Renovate;

/// <summary>
/// Validate's Renovate step: checks the repository's <c>renovate.json</c>, when there is one, against Renovate's
/// schema. Loading that large schema dominates a warm run, so a configuration that already passed against the
/// same schema is not checked again (a stamp in the cache folder remembers it).
/// </summary>
public sealed class RenovateCheck(HttpClient http)
{
    public const string ConfigFile = "renovate.json";

    public async Task<IReadOnlyList<Finding>> RunAsync(
        string repositoryRoot,
        string schemaLocation,
        string cacheDirectory,
        CancellationToken ct
    )
    {
        var path = Path.Combine(repositoryRoot, ConfigFile);
        if (!File.Exists(path))
        {
            return [];
        }

        var stamp = Path.Combine(cacheDirectory, "renovate-check", StampKey(path, schemaLocation) + ".ok");
        if (File.Exists(stamp))
        {
            return [];
        }

        var source = new RenovateSchemaSource(schemaLocation, cacheDirectory, http);
        IReadOnlyList<Finding> findings;
        try
        {
            findings = await new RenovateConfigValidator(source)
                .ValidateAsync(path, ConfigFile, ct)
                .ConfigureAwait(false);
        }
        catch (RenovateSchemaUnavailableException e)
        {
            // Offline is not a broken configuration: say that the check did not run, and how to run it.
            return
            [
                new Finding(
                    Severity.Warning,
                    RenovateConfigValidator.SchemaRule.Id,
                    $"renovate.json was not checked: {e.Message}",
                    new SourceLocation(ConfigFile, 1)
                ),
            ];
        }
        if (findings.Count == 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
            await File.WriteAllTextAsync(stamp, schemaLocation, ct).ConfigureAwait(false);
        }

        return findings;
    }

    private static string StampKey(string configPath, string schemaLocation)
    {
        var schemaIdentity = File.Exists(schemaLocation)
            ? $"{Path.GetFullPath(schemaLocation)}|{new FileInfo(schemaLocation).Length}|{File.GetLastWriteTimeUtc(schemaLocation).Ticks}"
            : schemaLocation;
        var bytes = File.ReadAllBytes(configPath)
            .Concat(System.Text.Encoding.UTF8.GetBytes("\0" + schemaIdentity))
            .ToArray();
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }
}
