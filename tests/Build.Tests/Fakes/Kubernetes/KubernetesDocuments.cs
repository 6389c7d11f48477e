using System.Globalization;
using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>The JSON documents of the Kubernetes API: Status, discovery, lists and server-side Tables.</summary>
public static class KubernetesDocuments
{
    public static JsonObject Status(int code, string reason, string message, JsonObject? details = null) =>
        new()
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["details"] = details ?? new JsonObject(),
            ["code"] = code,
        };

    public static JsonObject ApiVersions(string serverAddress) =>
        new()
        {
            ["kind"] = "APIVersions",
            ["versions"] = new JsonArray("v1"),
            ["serverAddressByClientCIDRs"] = new JsonArray(
                new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }
            ),
        };

    public static JsonObject GroupList(IEnumerable<ApiResourceType> types)
    {
        var groups = new JsonArray();
        foreach (
            var group in types
                .Where(t => t.Group.Length > 0)
                .GroupBy(t => t.Group)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
        )
        {
            var versions = group.Select(t => t.Version).Distinct().OrderByDescending(VersionRank).ToList();
            groups.Add(
                new JsonObject
                {
                    ["name"] = group.Key,
                    ["versions"] = new JsonArray(versions.Select(v => (JsonNode)GroupVersion(group.Key, v)).ToArray()),
                    ["preferredVersion"] = GroupVersion(group.Key, versions[0]),
                }
            );
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupList",
            ["apiVersion"] = "v1",
            ["groups"] = groups,
        };
    }

    public static JsonObject ResourceList(string groupVersion, IEnumerable<ApiResourceType> types) =>
        new()
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = groupVersion,
            ["resources"] = new JsonArray(
                types
                    .Select(t =>
                        (JsonNode)
                            new JsonObject
                            {
                                ["name"] = t.Plural,
                                ["singularName"] = t.Singular,
                                ["namespaced"] = t.Namespaced,
                                ["kind"] = t.Kind,
                                ["verbs"] = new JsonArray(
                                    ApiResourceType.Verbs.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()
                                ),
                                ["shortNames"] = new JsonArray(
                                    t.ShortNames.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()
                                ),
                                ["storageVersionHash"] = "",
                            }
                    )
                    .ToArray()
            ),
        };

    public static JsonObject List(ApiResourceType type, IReadOnlyList<JsonObject> items, string resourceVersion) =>
        new()
        {
            ["apiVersion"] = type.GroupVersion,
            ["kind"] = type.Kind + "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion, ["continue"] = "" },
            ["items"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
        };

    /// <summary>A <c>meta.k8s.io/v1</c> Table, as <c>kubectl get</c> asks for with <c>Accept: application/json;as=Table</c>.</summary>
    public static JsonObject Table(IReadOnlyList<JsonObject> items, string resourceVersion, bool includeObject)
    {
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var metadata = (JsonObject)item["metadata"]!.DeepClone();
            var ready = ReadyCondition(item);
            rows.Add(
                new JsonObject
                {
                    ["cells"] = new JsonArray(
                        (string?)metadata["name"],
                        Age((string?)metadata["creationTimestamp"]),
                        (string?)ready?["status"] ?? "",
                        (string?)ready?["message"] ?? (string?)item["status"]?["phase"] ?? ""
                    ),
                    ["object"] = includeObject
                        ? item.DeepClone()
                        : new JsonObject
                        {
                            ["kind"] = "PartialObjectMetadata",
                            ["apiVersion"] = "meta.k8s.io/v1",
                            ["metadata"] = metadata,
                        },
                }
            );
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
            ["columnDefinitions"] = new JsonArray(
                Column("Name", "string", "name", "Name must be unique within a namespace."),
                Column("Age", "string", "", "Time since the object was created."),
                Column("Ready", "string", "", "The Ready condition's status."),
                Column("Status", "string", "", "The Ready condition's message, or the phase.")
            ),
            ["rows"] = rows,
        };
    }

    private static JsonObject? ReadyCondition(JsonObject item) =>
        (item["status"]?["conditions"] as JsonArray)
            ?.OfType<JsonObject>()
            .FirstOrDefault(c => (string?)c["type"] == "Ready");

    private static JsonObject Column(string name, string type, string format, string description) =>
        new()
        {
            ["name"] = name,
            ["type"] = type,
            ["format"] = format,
            ["description"] = description,
            ["priority"] = 0,
        };

    private static JsonObject GroupVersion(string group, string version) =>
        new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };

    /// <summary>v2 before v1 before v1beta2 before v1alpha1, as Kubernetes orders versions.</summary>
    private static (int Major, int Stability, int Minor) VersionRank(string version)
    {
        var digits = new string(version.Skip(1).TakeWhile(char.IsDigit).ToArray());
        var major = int.TryParse(digits, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var rest = version[(1 + digits.Length)..];
        var stability =
            rest.StartsWith("beta", StringComparison.Ordinal) ? 1
            : rest.StartsWith("alpha", StringComparison.Ordinal) ? 0
            : 2;
        var minor = int.TryParse(
            new string(rest.SkipWhile(char.IsLetter).ToArray()),
            CultureInfo.InvariantCulture,
            out var n
        )
            ? n
            : 0;
        return (stability == 2 ? major : 0, stability, stability == 2 ? 0 : major * 100 + minor);
    }

    private static string Age(string? created)
    {
        if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return "<unknown>";
        }

        var age = DateTimeOffset.UtcNow - at;
        return age.TotalDays >= 1 ? $"{(int)age.TotalDays}d"
            : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h"
            : age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes}m"
            : $"{Math.Max(0, (int)age.TotalSeconds)}s";
    }
}
