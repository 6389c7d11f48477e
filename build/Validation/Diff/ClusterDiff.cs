using System.Globalization;
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
                if (ChangedSecretValues(o, n) is { Count: > 0 } keys)
                {
                    diff = SecretValueDiff(diff, name, id, keys);
                }
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

    /// <summary>Keys (<c>data.key</c>) present on both sides whose masked values differ.</summary>
    private static List<string> ChangedSecretValues(RenderedObject? before, RenderedObject? after) =>
        before?.SecretFingerprints is { } old && after?.SecretFingerprints is { } now
            ? old.Where(p => now.TryGetValue(p.Key, out var value) && value != p.Value)
                .Select(p => p.Key)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>The diff with one masked line pair per changed Secret value, so a value change is never silent.</summary>
    private static string SecretValueDiff(string diff, string cluster, string id, IReadOnlyList<string> keys)
    {
        var text = new StringBuilder(
            diff.Length > 0 ? diff.TrimEnd('\n') + "\n" : $"--- a/{cluster}/{id}\n+++ b/{cluster}/{id}\n"
        );
        text.Append(CultureInfo.InvariantCulture, $"@@ secret values changed (masked): {keys.Count} @@\n");
        foreach (var key in keys)
        {
            text.Append(CultureInfo.InvariantCulture, $"-{key}: ***** (old value)\n");
            text.Append(CultureInfo.InvariantCulture, $"+{key}: ***** (new value)\n");
        }

        return text.ToString();
    }

    private static Dictionary<string, RenderedObject> Objects(RenderedCluster? cluster) =>
        (cluster?.Objects ?? [])
            .GroupBy(o => $"{o.Manifest.Group}/{o.Manifest.Id}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
