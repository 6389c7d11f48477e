using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>Small edits of fixture objects: set a dotted path, set or remove a status condition, add a label or annotation.</summary>
public static class JsonObjectEdits
{
    /// <summary>Sets <c>spec.suspend</c>-style dotted paths, creating mappings on the way. Returns the object.</summary>
    public static JsonObject Set(this JsonObject obj, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var current = obj;
        foreach (var part in parts[..^1])
        {
            if (current[part] is not JsonObject next)
            {
                next = new JsonObject();
                current[part] = next;
            }

            current = next;
        }

        current[parts[^1]] = value;
        return obj;
    }

    public static JsonObject Without(this JsonObject obj, string path)
    {
        var parts = path.Split('.');
        JsonNode? current = obj;
        foreach (var part in parts[..^1])
        {
            current = current?[part];
        }

        (current as JsonObject)?.Remove(parts[^1]);
        return obj;
    }

    /// <summary>Replaces (or adds) the condition of <paramref name="type"/> in <c>status.conditions</c>.</summary>
    public static JsonObject SetCondition(
        this JsonObject obj,
        string type,
        string status,
        string reason,
        string message
    )
    {
        var conditions = obj["status"]?["conditions"] as JsonArray;
        if (conditions is null)
        {
            conditions = [];
            obj.Set("status.conditions", conditions);
        }

        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
        var generation = (long?)obj["metadata"]?["generation"];
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["reason"] = reason,
            ["message"] = message,
            ["lastTransitionTime"] = "2026-08-10T10:00:00Z",
        };
        if (generation is not null)
        {
            condition["observedGeneration"] = generation;
        }

        if (existing is null)
        {
            conditions.Insert(0, condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }

        return obj;
    }

    public static JsonObject RemoveCondition(this JsonObject obj, string type)
    {
        if (
            obj["status"]?["conditions"] is JsonArray conditions
            && conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type) is { } found
        )
        {
            conditions.Remove(found);
        }

        return obj;
    }

    /// <summary>Sets a label; keys may contain dots (<c>app.kubernetes.io/version</c>).</summary>
    public static JsonObject Label(this JsonObject obj, string key, string value) =>
        obj.MetadataEntry("labels", key, value);

    public static JsonObject Annotate(this JsonObject obj, string key, string value) =>
        obj.MetadataEntry("annotations", key, value);

    private static JsonObject MetadataEntry(this JsonObject obj, string field, string key, string value)
    {
        var map = obj["metadata"]![field] as JsonObject ?? [];
        map[key] = value;
        obj["metadata"]![field] = map;
        return obj;
    }
}
