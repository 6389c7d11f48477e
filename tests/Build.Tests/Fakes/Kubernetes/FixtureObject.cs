using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>
/// One place that writes what every fixture object starts with: apiVersion, kind and metadata (name, namespace,
/// generation 1). A fixture passes only its own members as JSON, e.g. <c>"spec":{…},"status":{…}</c>; a
/// <c>"metadata":{…}</c> among them (labels, annotations) is merged after the name.
/// </summary>
public static class FixtureObject
{
    public static JsonObject Create(string apiVersion, string kind, string? ns, string name, string members)
    {
        var given = JsonNode.Parse("{" + members + "}")!.AsObject();
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        // Parsed, like the rest of the object, so that readers may take it as int or long.
        metadata["generation"] = JsonNode.Parse("1");
        var obj = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = metadata,
        };
        foreach (var (key, value) in given.ToList())
        {
            given.Remove(key);
            if (key == "metadata" && value is JsonObject extra)
            {
                foreach (var (field, entry) in extra.ToList())
                {
                    extra.Remove(field);
                    metadata[field] = entry;
                }
            }
            else
            {
                obj[key] = value;
            }
        }

        return obj;
    }
}
