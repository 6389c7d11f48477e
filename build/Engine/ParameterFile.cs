using System.Text.Json;

namespace GitOpsRunners.Engine;

/// <summary>The top-level keys of one <c>.nuke/parameters*.json</c> file.</summary>
public sealed record ParameterFile(string RelativePath, IReadOnlyDictionary<string, JsonElement> Values, bool IsProfile)
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads <paramref name="relativePath"/> under <paramref name="rootDirectory"/>; null when the file does not exist.</summary>
    public static ParameterFile? Read(string rootDirectory, string relativePath, bool isProfile)
    {
        var path = Path.Combine(rootDirectory, relativePath);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{relativePath}:1: expected a JSON object of parameter names and values.");
            }

            var values = document
                .RootElement.EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            return new ParameterFile(relativePath, values, isProfile);
        }
        catch (JsonException e)
        {
            throw new UsageException(
                $"{relativePath}:{(e.LineNumber ?? 0) + 1}: invalid JSON ({e.Message.Split('.')[0]}). Fix the file or remove it."
            );
        }
    }
}
