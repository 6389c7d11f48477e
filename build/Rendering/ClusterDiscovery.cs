using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Finds clusters: every folder <c>&lt;root&gt;/clusters/&lt;name&gt;/</c>. A committed flux-system
/// (gotk-sync.yaml with the root Kustomization) is used as it is; otherwise the root is what
/// <c>flux bootstrap</c> creates: Kustomization flux-system/flux-system building that folder from this repository.
/// </summary>
public static class ClusterDiscovery
{
    private const string FluxSystem = "flux-system";

    /// <summary>Cluster names, sorted; empty when the clusters folder does not exist.</summary>
    public static IReadOnlyList<string> ClusterNames(RepositoryLayout layout)
    {
        var folder = layout.FullPath(layout.ClustersFolder);
        return Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public static IReadOnlyList<ClusterEntry> DiscoverAll(RepositoryLayout layout) => ClusterNames(layout).Select(n => Discover(layout, n)).ToList();

    /// <exception cref="UsageException">There is no such cluster folder; the message lists the ones there are.</exception>
    public static ClusterEntry Discover(RepositoryLayout layout, string clusterName)
    {
        var directory = $"{layout.ClustersFolder}/{clusterName}".TrimStart('/');
        var full = layout.FullPath(directory);
        if (string.IsNullOrWhiteSpace(clusterName) || clusterName.Contains('/', StringComparison.Ordinal) || !Directory.Exists(full))
        {
            var known = ClusterNames(layout);
            var list = known.Count == 0 ? $"there is no '{layout.ClustersFolder}' folder with clusters" : $"known clusters: {string.Join(", ", known)}";
            throw new UsageException($"No cluster '{clusterName}' under {layout.ClustersFolder}/ ({list}).");
        }

        var findings = new List<Finding>();
        foreach (var sync in GotkSyncFiles(full))
        {
            var relative = layout.RelativeOrNull(sync) ?? sync;
            var loaded = YamlFileLoader.Load(sync, relative);
            findings.AddRange(loaded.Findings.Select(f => f with { Cluster = clusterName }));
            var parsed = ManifestParser.Parse(loaded);
            var root = parsed.Manifests.Where(FluxKustomizationReader.IsFluxKustomization)
                .Select(m => FluxKustomizationReader.Read(m, clusterName))
                .FirstOrDefault(r => r.Kustomization is not null);
            if (root.Kustomization is { } kustomization)
            {
                var repository = parsed.Manifests.FirstOrDefault(m => m.Kind == "GitRepository" && m.Name == kustomization.SourceRef.Name);
                return new ClusterEntry(clusterName, directory, kustomization, true, repository?.Body.ScalarAt("spec", "url"), findings);
            }
        }

        var bootstrap = new FluxKustomization(FluxSystem, FluxSystem, "./" + directory, new SourceReference("GitRepository", FluxSystem, FluxSystem), new SourceLocation(directory, 1));
        return new ClusterEntry(clusterName, directory, bootstrap, false, null, findings);
    }

    private static IEnumerable<string> GotkSyncFiles(string directory) =>
        Directory.EnumerateFiles(directory, "gotk-sync.y*ml", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
