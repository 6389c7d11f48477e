using GitOpsRunners.Engine;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Turns <c>--root</c> as a user typed it into a <see cref="RepositoryLayout"/>. A relative value is taken from
/// the repository root when that folder exists there (the default <c>kubernetes</c>, parameter files), otherwise
/// from the working directory; an absolute one as it is. A folder outside the repository root names its own
/// repository: the nearest folder upwards with <c>.git</c> (its git top level).
/// </summary>
public static class RepositoryLayoutResolver
{
    public static RepositoryLayout Resolve(string repositoryRoot, string root, string workingDirectory)
    {
        var repository = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        var typed = root.Trim();
        if (typed.Length == 0)
        {
            typed = ".";
        }

        var full =
            Path.IsPathRooted(typed) ? Path.GetFullPath(typed)
            : Directory.Exists(Path.Combine(repository, typed)) ? Path.GetFullPath(typed, repository)
            : Path.GetFullPath(typed, Path.GetFullPath(workingDirectory));
        full = Path.TrimEndingDirectorySeparator(full);
        if (!Directory.Exists(full))
        {
            return new RepositoryLayout(repository, typed);
        }

        if (Relative(repository, full) is { } inside)
        {
            return new RepositoryLayout(repository, inside);
        }

        var topLevel =
            GitTopLevel(full)
            ?? throw new UsageException(
                $"--root {root}: {full} is outside the repository root {repository} and in no git repository; "
                    + "pass --repository-root <the repository that holds it>."
            );
        return new RepositoryLayout(topLevel, Relative(topLevel, full)!);
    }

    /// <summary>The nearest folder at or above <paramref name="directory"/> that holds <c>.git</c> (a folder, or a file in a worktree).</summary>
    public static string? GitTopLevel(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return Path.TrimEndingDirectorySeparator(current.FullName);
            }
        }

        return null;
    }

    private static string? Relative(string root, string full)
    {
        if (full == root)
        {
            return ".";
        }

        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full[(root.Length + 1)..].Replace('\\', '/')
            : null;
    }
}
