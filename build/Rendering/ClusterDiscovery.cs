using GitOpsRunners.Diagnostics;
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

    /// <summary>
    /// Cluster names, sorted. Without a clusters folder, a root folder that holds YAML is itself the one
    /// cluster (single-cluster layouts such as <c>kubernetes/flux</c>), named after the folder.
    /// </summary>
    public static IReadOnlyList<string> ClusterNames(RepositoryLayout layout)
    {
        var folder = layout.FullPath(layout.ClustersFolder);
        if (Directory.Exists(folder))
        {
            return Directory
                .GetDirectories(folder)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(n => !n.StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        return SingleClusterName(layout) is { } single ? [single] : [];
    }

    private static string? SingleClusterName(RepositoryLayout layout)
    {
        var root = layout.FullPath(layout.KubernetesFolder is "" ? "." : layout.KubernetesFolder);
        return Directory.Exists(root) && Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories).Any()
            ? Path.GetFileName(Path.TrimEndingDirectorySeparator(root))
            : null;
    }

    private static string ClusterDirectory(RepositoryLayout layout, string clusterName) =>
        !Directory.Exists(layout.FullPath(layout.ClustersFolder)) && SingleClusterName(layout) == clusterName
            ? layout.RelativeOrNull(layout.FullPath(layout.KubernetesFolder is "" ? "." : layout.KubernetesFolder))
                ?? ""
            : $"{layout.ClustersFolder}/{clusterName}".TrimStart('/');

    public static IReadOnlyList<ClusterEntry> DiscoverAll(RepositoryLayout layout) =>
        ClusterNames(layout).Select(n => Discover(layout, n)).ToList();

    /// <exception cref="UsageException">There is no such cluster folder; the message lists the ones there are.</exception>
    public static ClusterEntry Discover(RepositoryLayout layout, string clusterName)
    {
        var directory = ClusterDirectory(layout, clusterName);
        var full = layout.FullPath(directory is "" ? "." : directory);
        if (
            string.IsNullOrWhiteSpace(clusterName)
            || clusterName.Contains('/', StringComparison.Ordinal)
            || !Directory.Exists(full)
        )
        {
            var known = ClusterNames(layout);
            var list =
                known.Count == 0
                    ? $"there is no '{layout.ClustersFolder}' folder with clusters"
                    : $"known clusters: {string.Join(", ", known)}";
            throw new UsageException($"No cluster '{clusterName}' under {layout.ClustersFolder}/ ({list}).");
        }

        var findings = new List<Finding>();
        foreach (var sync in RootCandidates(full))
        {
            var relative = layout.RelativeOrNull(sync) ?? sync;
            var loaded = YamlFileLoader.Load(sync, relative);
            findings.AddRange(loaded.Findings.Select(f => f with { Cluster = clusterName }));
            var parsed = ManifestParser.Parse(loaded);
            var root = parsed
                .Manifests.Where(FluxKustomizationReader.IsFluxKustomization)
                .Select(m => FluxKustomizationReader.Read(m, clusterName))
                .FirstOrDefault(r =>
                    r.Kustomization is not null && (IsGotkSync(sync) || BuildsFolder(r.Kustomization, directory))
                );
            if (root.Kustomization is { } kustomization)
            {
                var repository = parsed.Manifests.FirstOrDefault(m =>
                    m.Kind == "GitRepository" && m.Name == kustomization.SourceRef.Name
                );
                return new ClusterEntry(
                    clusterName,
                    directory,
                    kustomization,
                    true,
                    repository?.Body.ScalarAt("spec", "url"),
                    findings
                )
                {
                    RootSource = repository,
                };
            }
        }

        var bootstrap = new FluxKustomization(
            FluxSystem,
            FluxSystem,
            "./" + directory,
            new SourceReference("GitRepository", FluxSystem, FluxSystem),
            new SourceLocation(directory, 1)
        );
        return new ClusterEntry(clusterName, directory, bootstrap, false, null, findings);
    }

    /// <summary>
    /// Files that may hold the cluster's root Kustomization: gotk-sync.yaml from flux bootstrap first, then any
    /// file with a Flux Kustomization that builds the cluster folder itself (onedr0p's cluster.yaml style).
    /// </summary>
    private static IEnumerable<string> RootCandidates(string directory)
    {
        var files = Directory
            .EnumerateFiles(directory, "*.y*ml", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Where(IsGotkSync).Concat(files.Where(f => !IsGotkSync(f) && MentionsFluxKustomization(f)));
    }

    private static bool IsGotkSync(string file) => Path.GetFileNameWithoutExtension(file) == "gotk-sync";

    private static bool MentionsFluxKustomization(string file) =>
        File.ReadLines(file)
            .Any(line => line.StartsWith("apiVersion: kustomize.toolkit.fluxcd.io/", StringComparison.Ordinal));

    private static bool BuildsFolder(FluxKustomization kustomization, string directory) =>
        kustomization.Path.Trim().TrimStart('.').Trim('/') == directory.Trim('/');
}
