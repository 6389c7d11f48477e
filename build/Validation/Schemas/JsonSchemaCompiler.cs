using GitOpsRunners.Engine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Turns schema JSON into an NJsonSchema <see cref="JsonSchema"/>.
/// NJsonSchema cannot resolve a <c>$ref</c> that has sibling keywords (Renovate's schema has 139 of them),
/// so such a <c>$ref</c> is moved into an <c>allOf</c> next to its siblings first.
/// </summary>
public static class JsonSchemaCompiler
{
    public static async Task<JsonSchema> CompileAsync(string json, string source, CancellationToken ct)
    {
        JToken document;
        try
        {
            document = JToken.Parse(json);
        }
        catch (JsonReaderException e)
        {
            throw new BuildException(
                $"schema at {source} is not valid JSON (line {e.LineNumber}, column {e.LinePosition}): {e.Message} "
                    + "Fix or remove that schema (delete it from the schema cache if it came from there)."
            );
        }

        return await CompileAsync(document, source, ct).ConfigureAwait(false);
    }

    public static async Task<JsonSchema> CompileAsync(JToken document, string source, CancellationToken ct)
    {
        var copy = document.DeepClone();
        WrapReferencesWithSiblings(copy);
        try
        {
            return await JsonSchema.FromJsonAsync(copy.ToString(Formatting.None), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or NotSupportedException)
        {
            throw new BuildException($"schema at {source} cannot be loaded: {e.Message}");
        }
    }

    private static void WrapReferencesWithSiblings(JToken token)
    {
        switch (token)
        {
            case JObject obj:
                if (obj.Count > 1 && obj["$ref"] is JValue reference)
                {
                    obj.Remove("$ref");
                    var allOf = obj["allOf"] as JArray ?? [];
                    allOf.Add(new JObject { ["$ref"] = reference });
                    obj["allOf"] = allOf;
                }

                foreach (var property in obj.Properties().ToList())
                {
                    WrapReferencesWithSiblings(property.Value);
                }

                break;
            case JArray array:
                foreach (var item in array)
                {
                    WrapReferencesWithSiblings(item);
                }

                break;
        }
    }
}
