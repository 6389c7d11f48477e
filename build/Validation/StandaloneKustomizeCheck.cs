using System.Collections.Concurrent;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Validation;

/// <summary>
/// Builds, on their own, the kustomization folders that no cluster built: every kustomization in the tree
/// must build with load restrictions off, as Flux builds it.
/// </summary>
public sealed class StandaloneKustomizeCheck(KustomizeCli kustomize)
{
    public Task<IReadOnlyList<Finding>> RunAsync(
        string root,
        string treeRoot,
        IReadOnlyList<RenderedCluster> clusters,
        CancellationToken ct
    ) => BuildAsync(root, treeRoot, Covered(root, clusters), ct);

    /// <summary>
    /// Folders whose files the rendered clusters were built from (and their parents): kustomize already built
    /// them as part of a cluster, so building them again on their own would only repeat that work.
    /// </summary>
    private static HashSet<string> Covered(string root, IReadOnlyList<RenderedCluster> clusters)
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (
            var file in clusters
                .SelectMany(c => c.Objects)
                .Select(o => o.Manifest.Location.File)
                .Distinct(StringComparer.Ordinal)
        )
        {
            for (
                var folder = Path.GetDirectoryName(file)?.Replace('\\', '/');
                !string.IsNullOrEmpty(folder) && covered.Add(folder);
                folder = Path.GetDirectoryName(folder)?.Replace('\\', '/')
            ) { }
        }

        return covered;
    }

    /// <summary>
    /// Every kustomization directory must build on its own with load restrictions off, as Flux builds it;
    /// components (<c>kind: Component</c>) only build inside a kustomization and are left out.
    /// </summary>
    private async Task<IReadOnlyList<Finding>> BuildAsync(
        string root,
        string treeRoot,
        IReadOnlySet<string> covered,
        CancellationToken ct
    )
    {
        var directories = KustomizationDirectories(treeRoot)
            .Where(d => !covered.Contains(Path.GetRelativePath(root, d.Directory).Replace('\\', '/')))
            .ToList();
        var findings = new ConcurrentBag<Finding>();
        var guard = new KustomizeInputGuard(path => Path.GetRelativePath(root, path).Replace('\\', '/'));
        await Parallel
            .ForEachAsync(
                directories,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
                async (directory, token) =>
                {
                    if (guard.Check(root, [directory.Directory]) is not null)
                    {
                        // A link, a path outside the repository or an alias bomb: never handed to kustomize; the
                        // repository scan and the cluster that builds it report it at its file and line.
                        return;
                    }

                    try
                    {
                        await kustomize
                            .BuildAsync(
                                directory.Directory,
                                Path.GetRelativePath(root, directory.Directory).Replace('\\', '/'),
                                token
                            )
                            .ConfigureAwait(false);
                    }
                    catch (KustomizeBuildException e)
                    {
                        var file = Path.GetRelativePath(root, directory.KustomizationFile).Replace('\\', '/');
                        findings.Add(
                            new Finding(
                                RenderRules.KustomizeBuild,
                                $"kustomize build failed: {e.Problem}; fix the kustomization (checked with load restrictions off, as Flux builds it)",
                                new SourceLocation(file, 1)
                            )
                        );
                    }
                }
            )
            .ConfigureAwait(false);
        return findings.ToList();
    }

    private static IEnumerable<(string Directory, string KustomizationFile)> KustomizationDirectories(string treeRoot)
    {
        var pending = new Stack<string>([treeRoot]);
        while (pending.TryPop(out var directory))
        {
            foreach (
                var child in Directory.EnumerateDirectories(directory).Where(d => !Path.GetFileName(d).StartsWith('.'))
            )
            {
                pending.Push(child);
            }

            var file = new[] { "kustomization.yaml", "kustomization.yml", "Kustomization" }
                .Select(name => Path.Combine(directory, name))
                .FirstOrDefault(File.Exists);
            if (file is not null && !IsComponent(file))
            {
                yield return (directory, file);
            }
        }
    }

    private static bool IsComponent(string kustomizationFile) =>
        File.ReadLines(kustomizationFile).Any(line => line.TrimEnd() == "kind: Component");
}
