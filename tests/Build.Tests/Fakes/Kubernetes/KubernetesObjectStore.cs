using System.Globalization;
using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>
/// The fake server's objects, keyed by group, resource, namespace and name (one object serves every version of its type),
/// with a global resourceVersion counter. Thread-safe: tests change objects while clients read them.
/// </summary>
public sealed class KubernetesObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Group, string Plural, string Namespace, string Name), JsonObject> _objects = [];
    private long _resourceVersion = 1000;

    public string ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    public void Put(ApiResourceType type, JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject ?? throw new ArgumentException("object has no metadata");
        var name = (string?)metadata["name"] ?? throw new ArgumentException("object has no metadata.name");
        var ns = type.Namespaced ? (string?)metadata["namespace"] ?? "default" : "";
        lock (_gate)
        {
            _resourceVersion++;
            if (type.Namespaced)
            {
                metadata["namespace"] = ns;
            }
            else
            {
                metadata.Remove("namespace");
            }

            metadata["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture);
            metadata["uid"] ??= Guid.NewGuid().ToString();
            metadata["creationTimestamp"] ??= DateTimeOffset
                .UtcNow.AddMinutes(-5)
                .ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            _objects[(type.Group, type.Plural, ns, name)] = obj;
        }
    }

    /// <summary>Applies <paramref name="change"/> to a stored object and bumps its resourceVersion.</summary>
    public bool Update(ApiResourceType type, string? ns, string name, Action<JsonObject> change)
    {
        lock (_gate)
        {
            if (
                !_objects.TryGetValue(
                    (type.Group, type.Plural, type.Namespaced ? ns ?? "default" : "", name),
                    out var obj
                )
            )
            {
                return false;
            }

            change(obj);
            _resourceVersion++;
            obj["metadata"]!["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture);
            return true;
        }
    }

    public bool Remove(ApiResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.Remove((type.Group, type.Plural, type.Namespaced ? ns ?? "default" : "", name));
        }
    }

    /// <summary>A copy of one object, or null.</summary>
    public JsonObject? Get(ApiResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.TryGetValue((type.Group, type.Plural, type.Namespaced ? ns ?? "" : "", name), out var obj)
                ? (JsonObject)obj.DeepClone()
                : null;
        }
    }

    /// <summary>Copies of the objects of one type, in one namespace or all, ordered by namespace and name.</summary>
    public IReadOnlyList<JsonObject> List(ApiResourceType type, string? ns)
    {
        lock (_gate)
        {
            return _objects
                .Where(o =>
                    o.Key.Group == type.Group && o.Key.Plural == type.Plural && (ns is null || o.Key.Namespace == ns)
                )
                .OrderBy(o => o.Key.Namespace, StringComparer.Ordinal)
                .ThenBy(o => o.Key.Name, StringComparer.Ordinal)
                .Select(o => (JsonObject)o.Value.DeepClone())
                .ToList();
        }
    }
}
