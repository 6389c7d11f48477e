using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Validation.Schemas;
using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Charts;

/// <summary>
/// Validates a HelmRelease's values against its chart's <c>values.schema.json</c> as Helm does at install: the
/// values helm-controller composes (<c>spec.valuesFrom</c> ConfigMaps of the cluster in order, at their
/// <c>targetPath</c> or merged, then <c>spec.values</c> on top), coalesced over the chart's <c>values.yaml</c> (a
/// user <c>null</c> removes a default), checked as JSON Schema (draft-07). Each error is located at the values key
/// that sets the offending value, else at <c>spec.values</c>. Values read from a Secret are unknown offline, so
/// such a release is not checked; neither is a value masked as a placeholder. Subchart schemas are not checked.
/// </summary>
public static class ChartValuesCheck
{
    public const string SchemaFile = "values.schema.json";

    public static async Task<IReadOnlyList<Finding>> CheckAsync(
        ChartRelease release,
        ChartArchive archive,
        IReadOnlyList<Manifest> objects,
        ISourceLocator locator,
        CancellationToken ct
    )
    {
        if (archive.Text(SchemaFile) is not { } schemaText)
        {
            return [];
        }

        var manifest = release.Release;
        NJsonSchema.JsonSchema schema;
        try
        {
            schema = await JsonSchemaCompiler
                .CompileAsync(schemaText, $"{release.Source.Display}/{SchemaFile}", ct)
                .ConfigureAwait(false);
        }
        catch (BuildException e)
        {
            return
            [
                Finding(ChartRules.Archive, e.Message, locator.Locate(release.PinnedBy, release.VersionPath), manifest),
            ];
        }

        if (Compose(manifest, objects) is not { } user)
        {
            return [];
        }

        var values = Coalesce(Defaults(archive), user);
        ICollection<NJsonSchema.Validation.ValidationError> errors;
        try
        {
            errors = schema.Validate(values);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return
            [
                Finding(
                    ChartRules.Archive,
                    $"{release.Source.Display}/{SchemaFile} cannot be applied: {e.Message}",
                    locator.Locate(release.PinnedBy, release.VersionPath),
                    manifest
                ),
            ];
        }

        return SchemaErrorFormatter
            .Format(errors)
            .Where(v => !IsMasked(v.Token))
            .Select(v =>
                Finding(
                    ChartRules.ValuesSchema,
                    $"values of HelmRelease {manifest.Name} do not match {SchemaFile} of {release.Source.Display}: {v.Message}",
                    locator.Locate(manifest, ["spec", "values", .. v.Path]),
                    manifest
                )
            )
            .ToList();
    }

    /// <summary>
    /// The values the chart's templates see (the chart's defaults under what helm-controller passes), or null when
    /// some come from a Secret and are unknown offline.
    /// </summary>
    public static JObject? RenderValues(ChartRelease release, ChartArchive archive, IReadOnlyList<Manifest> objects) =>
        Compose(release.Release, objects) is { } user ? Coalesce(Defaults(archive), user) : null;

    /// <summary>The values helm-controller would pass, or null when some come from a Secret (unknown offline).</summary>
    private static JObject? Compose(Manifest release, IReadOnlyList<Manifest> objects)
    {
        var result = new JObject();
        foreach (var reference in release.Body.ItemsAt("spec", "valuesFrom"))
        {
            var kind = reference.ScalarAt("kind");
            var name = reference.ScalarAt("name");
            if (kind != "ConfigMap")
            {
                return null;
            }

            var configMap = objects.FirstOrDefault(m =>
                m.Kind == "ConfigMap" && m.Group.Length == 0 && m.Name == name && m.Namespace == release.Namespace
            );
            var text = configMap?.Body.ScalarAt("data", reference.ScalarAt("valuesKey") ?? "values.yaml");
            if (text is null)
            {
                if (reference.BoolAt("optional") == true)
                {
                    continue;
                }

                return null;
            }

            if (reference.ScalarAt("targetPath") is { Length: > 0 } targetPath)
            {
                Set(result, targetPath.Split('.'), new JValue(text));
            }
            else if (ReadYaml(text, $"ConfigMap {name}") is JObject values)
            {
                Merge(result, values);
            }
        }

        if (release.Body.MappingAt("spec", "values") is { } inline)
        {
            Merge(result, (JObject)YamlJsonConverter.Convert(inline));
        }

        return result;
    }

    private static JObject Defaults(ChartArchive archive) =>
        archive.Text("values.yaml") is { } text && ReadYaml(text, "values.yaml") is JObject defaults
            ? defaults
            : new JObject();

    private static JToken? ReadYaml(string text, string file)
    {
        var loaded = YamlFileLoader.Parse(text, file);
        return loaded.HasErrors || loaded.Documents.Count == 0
            ? null
            : YamlJsonConverter.Convert(loaded.Documents[0].Root);
    }

    /// <summary>helm-controller's MergeMaps: maps merge key by key, anything else is replaced.</summary>
    private static void Merge(JObject into, JObject from)
    {
        foreach (var property in from.Properties())
        {
            if (property.Value is JObject child && into[property.Name] is JObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                into[property.Name] = property.Value.DeepClone();
            }
        }
    }

    /// <summary>Helm's coalescing of user values over chart defaults: a user null deletes the default.</summary>
    private static JObject Coalesce(JObject defaults, JObject user)
    {
        var result = (JObject)defaults.DeepClone();
        foreach (var property in user.Properties())
        {
            if (property.Value.Type == JTokenType.Null)
            {
                result.Remove(property.Name);
            }
            else if (property.Value is JObject child && result[property.Name] is JObject existing)
            {
                result[property.Name] = Coalesce(existing, child);
            }
            else
            {
                result[property.Name] = property.Value.DeepClone();
            }
        }

        return result;
    }

    private static void Set(JObject root, string[] path, JToken value)
    {
        var current = root;
        foreach (var segment in path[..^1])
        {
            if (current[segment] is not JObject next)
            {
                next = new JObject();
                current[segment] = next;
            }

            current = next;
        }

        current[path[^1]] = value;
    }

    private static bool IsMasked(JToken? token) =>
        token is JValue { Type: JTokenType.String, Value: string text }
        && text.Contains("..PLACEHOLDER_", StringComparison.Ordinal);

    private static Finding Finding(RuleDescriptor rule, string message, SourceLocation location, Manifest release) =>
        new(rule, message, location, Object: release.Id);
}
