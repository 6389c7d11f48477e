using System.Text.Json;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Reads kubeconform's <c>-output json</c> (resources with filename, status, msg and validationErrors) into findings.
/// Each object was written to its own file, so the file name says which object a result is about.
/// </summary>
public static class KubeconformReport
{
    public static IReadOnlyList<Finding> ToFindings(
        string json,
        IReadOnlyDictionary<string, Manifest> objectsByFile,
        ISourceLocator locator
    )
    {
        using var document = JsonDocument.Parse(json);
        var findings = new List<Finding>();
        if (!document.RootElement.TryGetProperty("resources", out var resources))
        {
            return findings;
        }

        foreach (var resource in resources.EnumerateArray())
        {
            var status = Text(resource, "status");
            if (status is not ("statusInvalid" or "statusError"))
            {
                continue;
            }

            var file = Path.GetFileName(Text(resource, "filename") ?? "");
            objectsByFile.TryGetValue(file, out var manifest);
            var message = Text(resource, "msg") ?? status;
            var missing = message.Contains("could not find schema", StringComparison.OrdinalIgnoreCase);
            var rule = missing ? ManifestSchemaValidator.MissingRule : ManifestSchemaValidator.SchemaRule;
            if (
                resource.TryGetProperty("validationErrors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0
            )
            {
                foreach (var error in errors.EnumerateArray())
                {
                    var path = (Text(error, "path") ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
                    findings.Add(
                        Finding(rule, $"at '{Text(error, "path")}': {Text(error, "msg")}", manifest, locator, path)
                    );
                }
            }
            else
            {
                findings.Add(Finding(rule, message, manifest, locator, []));
            }
        }

        return findings;
    }

    private static Finding Finding(
        RuleDescriptor rule,
        string message,
        Manifest? manifest,
        ISourceLocator locator,
        string[] path
    ) =>
        new(
            rule,
            message + " (kubeconform)",
            manifest is null ? null : locator.Locate(manifest, path),
            Object: manifest?.Id
        );

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
