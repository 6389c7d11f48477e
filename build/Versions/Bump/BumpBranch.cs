using System.Text;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// The deterministic branch of a group: <c>bump/&lt;cluster&gt;/&lt;group&gt;</c>, e.g.
/// <c>bump/aks-myaks-tst-swn-00/arc</c> or <c>bump/aks-myaks-tst-swn-00/actions-runner</c> for the image
/// <c>ghcr.io/home-operations/actions-runner</c> (last path segment, characters outside
/// <c>[a-z0-9._-]</c> turned into <c>-</c>). The same pending change always lands on the same branch.
/// </summary>
public static class BumpBranch
{
    public const string Prefix = "bump";

    public static string Name(string cluster, string group) => $"{Prefix}/{Slug(cluster)}/{Slug(ShortName(group))}";

    /// <summary>The last path segment of a group or component name.</summary>
    public static string ShortName(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.TrimEnd('/').Split('/')[^1];
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        var result = slug.ToString().Trim('-', '.');
        return result.Length == 0 ? "pins" : result.Replace("..", ".", StringComparison.Ordinal);
    }
}
