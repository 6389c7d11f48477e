using GitOpsRunners.Engine;

namespace GitOpsRunners.Git;

/// <summary>Checks and normalises a repository-relative file path before it becomes a tree entry.</summary>
public static class RepositoryPath
{
    /// <summary>
    /// Returns the path with '/' separators and no leading "./". Throws <see cref="BuildException"/>
    /// for empty, rooted or escaping paths and for anything inside <c>.git</c>.
    /// </summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = path.Replace('\\', '/');
        while (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length == 0 || text.StartsWith('/') || Path.IsPathRooted(text) || text.EndsWith('/'))
        {
            throw Invalid(path, "it must be a file path relative to the repository root");
        }

        foreach (var segment in text.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                throw Invalid(path, "it must not contain empty, '.' or '..' segments");
            }

            if (segment.Equals(".git", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid(path, "files inside .git cannot be committed");
            }
        }

        return text;
    }

    private static BuildException Invalid(string path, string why) =>
        new(
            $"Cannot commit '{path}': {why}. This is a bug in the caller: pass paths like 'kubernetes/apps/base/arc.yaml'."
        );
}
