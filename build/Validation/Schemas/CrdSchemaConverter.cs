using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Makes JSON schemas from apiextensions.k8s.io CustomResourceDefinitions the way kubeconform's
/// openapi2jsonschema.py does: one schema per served version; <c>additionalProperties: false</c> on every
/// nested object that has <c>properties</c> (the root only when <paramref name="denyRootAdditionalProperties"/>);
/// <c>format: int-or-string</c> replaced by <c>oneOf [string, integer]</c>.
/// </summary>
public sealed class CrdSchemaConverter(
    CrdSchemaLayout layout = CrdSchemaLayout.KindVersion,
    bool denyRootAdditionalProperties = false,
    string kubernetesVersion = "master"
)
{
    public static bool IsCrd(Manifest manifest) =>
        manifest.Kind == "CustomResourceDefinition" && manifest.Group == KubernetesApi.ApiExtensionsGroup;

    public IReadOnlyList<CrdSchema> Convert(Manifest crd)
    {
        if (!IsCrd(crd))
        {
            throw new BuildException(
                $"{crd.Location}: {crd.Id} is not an apiextensions.k8s.io CustomResourceDefinition"
            );
        }

        var json = (JObject)YamlJsonConverter.Convert(crd.Body);
        var group = Required(json, crd, "spec", "group");
        var kind = Required(json, crd, "spec", "names", "kind");
        var plural = json.SelectToken("spec.names.plural")?.ToString() ?? kind.ToLowerInvariant();
        var legacy = json.SelectToken("spec.validation.openAPIV3Schema") as JObject;
        var schemas = new List<CrdSchema>();
        if (json.SelectToken("spec.versions") is JArray { Count: > 0 } versions)
        {
            foreach (
                var version in versions
                    .OfType<JObject>()
                    .Where(v => v["served"]?.Type != JTokenType.Boolean || (bool)v["served"]!)
            )
            {
                var name = version["name"]?.ToString();
                var schema = version.SelectToken("schema.openAPIV3Schema") as JObject ?? legacy;
                if (name is { Length: > 0 } && schema is not null)
                {
                    schemas.Add(new CrdSchema(group, kind, plural, name, Transform(schema)));
                }
            }
        }
        else if (legacy is not null && json.SelectToken("spec.version")?.ToString() is { Length: > 0 } onlyVersion)
        {
            schemas.Add(new CrdSchema(group, kind, plural, onlyVersion, Transform(legacy)));
        }

        return schemas;
    }

    /// <summary>Writes the schemas of <paramref name="crds"/> under <paramref name="outputDir"/>; returns the files written.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(
        IEnumerable<Manifest> crds,
        string outputDir,
        CancellationToken ct
    )
    {
        var planned = crds.Where(IsCrd)
            .SelectMany(Convert)
            .SelectMany(schema =>
                schema
                    .RelativePaths(layout, kubernetesVersion)
                    .Select(relative => (Path: Path.Combine(outputDir, relative), schema.Schema))
            )
            .ToList();
        foreach (var (path, schema) in planned)
        {
            ct.ThrowIfCancellationRequested();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, schema.ToString(Formatting.Indented) + "\n", ct).ConfigureAwait(false);
        }

        return [.. planned.Select(p => p.Path)];
    }

    public JObject Transform(JObject openApiSchema)
    {
        var copy = (JObject)openApiSchema.DeepClone();
        DenyAdditionalProperties(copy, skip: !denyRootAdditionalProperties);
        return (JObject)ReplaceIntOrString(copy);
    }

    private static void DenyAdditionalProperties(JToken token, bool skip = false)
    {
        if (token is JObject obj)
        {
            if (!skip && obj.ContainsKey("properties") && !obj.ContainsKey("additionalProperties"))
            {
                obj["additionalProperties"] = false;
            }

            foreach (var property in obj.Properties())
            {
                DenyAdditionalProperties(property.Value);
            }
        }
        else if (token is JArray array)
        {
            foreach (var item in array)
            {
                DenyAdditionalProperties(item);
            }
        }
    }

    private static JToken ReplaceIntOrString(JToken token) =>
        token switch
        {
            JObject obj when obj["format"] is JValue { Value: "int-or-string" } => new JObject
            {
                ["oneOf"] = new JArray(new JObject { ["type"] = "string" }, new JObject { ["type"] = "integer" }),
            },
            JObject obj => new JObject(
                obj.Properties().Select(p => new JProperty(p.Name, ReplaceIntOrString(p.Value)))
            ),
            JArray array => new JArray(array.Select(ReplaceIntOrString)),
            _ => token,
        };

    private static string Required(JObject json, Manifest crd, params string[] path)
    {
        var token = path.Aggregate((JToken?)json, (current, segment) => current?[segment]);
        return token?.Type == JTokenType.String && token.ToString().Length > 0
            ? token.ToString()
            : throw new BuildException(
                $"{crd.Location}: CustomResourceDefinition {crd.Name} has no {string.Join('.', path)}; it cannot be turned into a schema"
            );
    }
}
