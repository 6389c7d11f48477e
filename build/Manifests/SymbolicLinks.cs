using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Manifests;

/// <summary>
/// Symbolic links as Flux's source-controller treats them: its artifact archive (fluxcd/pkg
/// <c>artifact/storage</c> <c>Archive</c>) walks the checkout with <c>filepath.Walk</c> and keeps only regular
/// files and folders ("Ignore anything that is not a file or directories e.g. symlinks"), so a link and
/// everything reached through it are simply absent in the cluster. Links are never followed here.
/// </summary>
public static class SymbolicLinks
{
    /// <summary>Whether <paramref name="path"/> itself is a symbolic link (to a file or a folder, dangling or not).</summary>
    public static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The first symbolic link on the way from <paramref name="root"/> down to <paramref name="path"/> (the path itself
    /// included), or null when every step is a real file or folder.
    /// </summary>
    public static string? LinkOnTheWay(string root, string path)
    {
        var full = Path.GetFullPath(path);
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var steps = new List<string>();
        for (var at = full; at is not null && at.Length > top.Length; at = Path.GetDirectoryName(at))
        {
            steps.Add(at);
        }

        steps.Reverse();
        return steps.FirstOrDefault(IsLink);
    }

    /// <summary>What the link points at, as written in the link.</summary>
    public static string Target(string link)
    {
        try
        {
            return new FileInfo(link).LinkTarget ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Whether the link points outside <paramref name="root"/> (never followed: only its text is read).</summary>
    public static bool PointsOutside(string root, string link)
    {
        var target = Target(link);
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link) ?? root, target));
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return !resolved.StartsWith(top, StringComparison.Ordinal);
    }

    /// <summary>The <c>symlink</c> warning at the link: what Flux does with it and what to do.</summary>
    public static Finding Finding(string root, string link) =>
        new(
            ManifestRules.Symlink,
            $"symbolic link to '{Target(link)}'{(PointsOutside(root, link) ? " (outside the repository)" : "")}: Flux's source-controller leaves links out of the artifact, so kustomize-controller never sees this path; replace the link with the file or folder itself",
            new SourceLocation(Path.GetRelativePath(root, link).Replace('\\', '/'), 1)
        );
}
