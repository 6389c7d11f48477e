using System.Diagnostics.CodeAnalysis;

namespace GitOpsRunners.Git;

/// <summary>A GitHub repository named by its owner and name, as in <c>owner/name</c>.</summary>
public sealed record GitHubRepository(string Owner, string Name)
{
    public override string ToString() => $"{Owner}/{Name}";

    /// <summary>Reads <c>owner/name</c> as given on the command line (<paramref name="option"/> names it in the error).</summary>
    /// <exception cref="Engine.UsageException">The text is not owner/name.</exception>
    public static GitHubRepository Parse(string text, string option = "--github-repository")
    {
        var parts = (text ?? "").Trim().Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0)
            ? new GitHubRepository(parts[0], parts[1])
            : throw new Engine.UsageException($"{option} {text}: expected owner/name, e.g. octo-org/gitops.");
    }

    /// <summary>
    /// Reads the owner and name from a remote URL: <c>https://host/o/r(.git)</c>,
    /// <c>ssh://git@host/o/r.git</c> or the scp form <c>git@host:o/r.git</c>. The last two path
    /// segments are taken, so an Enterprise Server prefix does not matter. Local paths are not
    /// GitHub repositories.
    /// </summary>
    public static bool TryParseRemoteUrl(string? url, [NotNullWhen(true)] out GitHubRepository? repository)
    {
        repository = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var text = url.Trim();
        string path;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.Host))
            {
                return false;
            }

            path = uri.AbsolutePath;
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var at = text.IndexOf('@', StringComparison.Ordinal);
            if (colon <= 0 || at < 0 || at > colon || text.Contains('\\', StringComparison.Ordinal))
            {
                return false;
            }

            path = text[(colon + 1)..];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return false;
        }

        var owner = Uri.UnescapeDataString(segments[^2]);
        var name = Uri.UnescapeDataString(segments[^1]);
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        if (owner.Length == 0 || name.Length == 0)
        {
            return false;
        }

        repository = new GitHubRepository(owner, name);
        return true;
    }
}
