namespace GitOpsRunners.Rendering;

/// <summary>
/// One gitignore pattern exactly as fluxcd/pkg <c>sourceignore/gitignore/pattern.go</c> (go-git's) reads and
/// matches it: scoped to the folder (<paramref name="Domain"/>) whose <c>.sourceignore</c> holds it, a name
/// without '/' matches any path segment, a pattern with '/' matches from the folder down, and a match of a
/// folder also matches everything below it.
/// </summary>
public sealed record IgnorePattern(
    IReadOnlyList<string> Domain,
    IReadOnlyList<string> Parts,
    bool Inclusion,
    bool DirectoryOnly,
    bool IsGlob
)
{
    public enum Result
    {
        NoMatch,
        Exclude,
        Include,
    }

    /// <summary><c>ParsePattern</c>.</summary>
    public static IgnorePattern Parse(string text, IReadOnlyList<string> domain)
    {
        var inclusion = text.StartsWith('!');
        text = inclusion ? text[1..] : text;
        if (!text.EndsWith("\\ ", StringComparison.Ordinal))
        {
            text = text.TrimEnd(' ');
        }

        var directoryOnly = text.EndsWith('/');
        text = directoryOnly ? text[..^1] : text;
        return new IgnorePattern([.. domain], text.Split('/'), inclusion, directoryOnly, text.Contains('/'));
    }

    /// <summary><c>Match</c>: <paramref name="path"/> is split on '/', from the source root.</summary>
    public Result Match(IReadOnlyList<string> path, bool isDirectory)
    {
        if (path.Count <= Domain.Count)
        {
            return Result.NoMatch;
        }

        for (var i = 0; i < Domain.Count; i++)
        {
            if (path[i] != Domain[i])
            {
                return Result.NoMatch;
            }
        }

        var below = path.Skip(Domain.Count).ToList();
        var matched = IsGlob ? GlobMatch(below, isDirectory) : SimpleNameMatch(below, isDirectory);
        return !matched ? Result.NoMatch
            : Inclusion ? Result.Include
            : Result.Exclude;
    }

    private bool SimpleNameMatch(List<string> path, bool isDirectory)
    {
        for (var i = 0; i < path.Count; i++)
        {
            if (!GoPathMatch.Match(Parts[0], path[i]))
            {
                continue;
            }

            return !(DirectoryOnly && !isDirectory && i == path.Count - 1);
        }

        return false;
    }

    private bool GlobMatch(List<string> path, bool isDirectory)
    {
        var matched = false;
        var canTraverse = false;
        for (var i = 0; i < Parts.Count; i++)
        {
            var part = Parts[i];
            if (part.Length == 0)
            {
                canTraverse = false;
                continue;
            }

            if (part == "**")
            {
                if (i == Parts.Count - 1)
                {
                    break;
                }

                canTraverse = true;
                continue;
            }

            if (part.Contains("**", StringComparison.Ordinal) || path.Count == 0)
            {
                return false;
            }

            if (canTraverse)
            {
                canTraverse = false;
                while (path.Count > 0)
                {
                    var segment = path[0];
                    path.RemoveAt(0);
                    if (GoPathMatch.Match(part, segment))
                    {
                        matched = true;
                        break;
                    }

                    if (path.Count == 0)
                    {
                        matched = false;
                    }
                }
            }
            else
            {
                if (!GoPathMatch.Match(part, path[0]))
                {
                    return false;
                }

                matched = true;
                path.RemoveAt(0);
            }
        }

        return !(matched && DirectoryOnly && !isDirectory && path.Count == 0) && matched;
    }
}
