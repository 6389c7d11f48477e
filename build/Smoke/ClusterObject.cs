using System.Globalization;
using System.Text.Json;

namespace GitOpsRunners.Smoke;

/// <summary>An object read from the API server, kept as JSON, with null-safe reads of the fields the health rules use.</summary>
public sealed record ClusterObject(JsonElement Json)
{
    public string ApiVersion => Str("apiVersion") ?? "";

    public string Kind => Str("kind") ?? "";

    public string Name => Str("metadata", "name") ?? "";

    public string? Namespace => Str("metadata", "namespace");

    public string Id => Namespace is { Length: > 0 } ns ? $"{Kind}/{ns}/{Name}" : $"{Kind}/{Name}";

    public long? Generation => Long("metadata", "generation");

    public long? ObservedGeneration => Long("status", "observedGeneration");

    public bool IsDeleting => Str("metadata", "deletionTimestamp") is not null;

    public bool Suspended => Node("spec", "suspend") is { ValueKind: JsonValueKind.True };

    public IReadOnlyDictionary<string, string> Labels => StringMap("metadata", "labels");

    public IReadOnlyDictionary<string, string> Annotations => StringMap("metadata", "annotations");

    public IReadOnlyList<ClusterCondition> Conditions =>
        Items("status", "conditions")
            .Select(c => new ClusterCondition(
                Read(c, "type") ?? "",
                Read(c, "status") ?? "Unknown",
                Read(c, "reason"),
                Read(c, "message"),
                c.TryGetProperty("observedGeneration", out var g) && g.TryGetInt64(out var value) ? value : null
            ))
            .ToList();

    public static ClusterObject Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ClusterObject(document.RootElement.Clone());
    }

    public ClusterCondition? Condition(string type) => Conditions.FirstOrDefault(c => c.Type == type);

    public JsonElement? Node(params string[] path)
    {
        var current = Json;
        foreach (var key in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(key, out current))
            {
                return null;
            }
        }

        return current;
    }

    public string? Str(params string[] path) => Node(path) is { } node ? Text(node) : null;

    public long? Long(params string[] path) =>
        Node(path) is { } node
        && Text(node) is { } text
        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public IEnumerable<JsonElement> Items(params string[] path) =>
        Node(path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public string? Label(string key) => Labels.GetValueOrDefault(key);

    private Dictionary<string, string> StringMap(params string[] path) =>
        Node(path) is { ValueKind: JsonValueKind.Object } map
            ? map.EnumerateObject()
                .Where(p => Text(p.Value) is not null)
                .ToDictionary(p => p.Name, p => Text(p.Value)!, StringComparer.Ordinal)
            : [];

    private static string? Read(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) ? Text(value) : null;

    private static string? Text(JsonElement node) =>
        node.ValueKind switch
        {
            JsonValueKind.String => node.GetString(),
            JsonValueKind.Number => node.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
}
