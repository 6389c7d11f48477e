namespace GitOpsRunners.Rendering;

/// <summary>
/// Where the repository is and which folder holds the Flux tree (<c>clusters/</c> lives under it).
/// <paramref name="KubernetesFolder"/> is repository-relative; "" or "." means the repository root.
/// </summary>
public sealed record RepositoryLayout(string Root, string KubernetesFolder = "kubernetes")
{
    /// <summary>Repository-relative folder whose sub-folders are clusters, e.g. <c>kubernetes/clusters</c>.</summary>
    public string ClustersFolder =>
        Normalize(Path.Combine(KubernetesFolder is "" or "." ? "" : KubernetesFolder, "clusters"));

    public string FullPath(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    /// <summary>Repository-relative path with '/' for a full path under <see cref="Root"/>; null when outside.</summary>
    public string? RelativeOrNull(string fullPath)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(Root), Path.GetFullPath(fullPath));
        return
            relative == ".."
            || relative.StartsWith("../", StringComparison.Ordinal)
            || relative.StartsWith("..\\", StringComparison.Ordinal)
            || Path.IsPathRooted(relative)
            ? null
            : Normalize(relative);
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimEnd('/');
}
