using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Look-ups over a rendered cluster by kind, namespace and name.</summary>
public sealed class ClusterIndex
{
    private readonly ILookup<string, Manifest> _byKind;
    private readonly Dictionary<string, List<Manifest>> _byKey = new(StringComparer.Ordinal);

    public ClusterIndex(RenderedCluster cluster)
    {
        var manifests = cluster.Objects.Select(o => o.Manifest).ToList();
        _byKind = manifests.ToLookup(m => m.Kind, StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            var key = Key(manifest.Kind, manifest.Namespace, manifest.Name);
            if (!_byKey.TryGetValue(key, out var list))
            {
                _byKey[key] = list = [];
            }

            list.Add(manifest);
        }
    }

    public IEnumerable<Manifest> OfKind(string kind) => _byKind[kind];

    /// <summary>Objects of a kind in an API group (group "" is the core group).</summary>
    public IEnumerable<Manifest> OfKind(string group, string kind) => _byKind[kind].Where(m => m.Group == group);

    public Manifest? Find(string kind, string? ns, string name) =>
        _byKey.TryGetValue(Key(kind, ns, name), out var list) ? list[0] : null;

    public bool Exists(string kind, string? ns, string name) => _byKey.ContainsKey(Key(kind, ns, name));

    private static string Key(string kind, string? ns, string name) => $"{kind}\u0001{ns ?? ""}\u0001{name}";
}
