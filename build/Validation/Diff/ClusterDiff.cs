using System.Text;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Validation.Diff;

/// <summary>
/// Per-cluster, per-object unified diff between two renderings of the same repository (pure).
/// Objects are matched by group, kind, namespace and name; Secret values are already masked by the renderer.
/// </summary>
public static class ClusterDiff
{
    public static DiffReport Compare(IReadOnlyList<RenderedCluster> before, IReadOnlyList<RenderedCluster> after)
    {
        var clusters = before
            .Select(c => c.Name)
            .Union(after.Select(c => c.Name), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var changes = new List<ObjectChange>();
        foreach (var name in clusters)
        {
            var old = Objects(before.FirstOrDefault(c => c.Name == name));
            var now = Objects(after.FirstOrDefault(c => c.Name == name));
            foreach (var key in old.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var oldYaml = old.TryGetValue(key, out var o) ? RenderedClusterWriter.ObjectYaml(o) : "";
                var newYaml = now.TryGetValue(key, out var n) ? RenderedClusterWriter.ObjectYaml(n) : "";
                var id = (n ?? o)!.Manifest.Id;
                var diff = UnifiedDiff.Render(
                    oldYaml,
                    newYaml,
                    o is null ? "/dev/null" : $"a/{name}/{id}",
                    n is null ? "/dev/null" : $"b/{name}/{id}"
                );
                if (diff.Length > 0)
                {
                    var kind =
                        o is null ? ChangeKind.Added
                        : n is null ? ChangeKind.Removed
                        : ChangeKind.Changed;
                    changes.Add(new ObjectChange(name, id, kind, diff));
                }
            }
        }

        return new DiffReport(changes);
    }

    private static Dictionary<string, RenderedObject> Objects(RenderedCluster? cluster) =>
        (cluster?.Objects ?? [])
            .GroupBy(o => $"{o.Manifest.Group}/{o.Manifest.Id}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
