namespace GitOpsRunners.Rendering;

/// <summary>Compares Git remote URLs written as https, ssh or scp-like <c>git@host:owner/repo.git</c>.</summary>
public static class GitUrl
{
    public static string Normalize(string url)
    {
        var text = url.Trim().ToLowerInvariant();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }
        else if (text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            text = text[..colon] + "/" + text[(colon + 1)..];
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (at >= 0 && (slash < 0 || at < slash))
        {
            text = text[(at + 1)..];
        }

        text = text.TrimEnd('/');
        return text.EndsWith(".git", StringComparison.Ordinal) ? text[..^4] : text;
    }

    public static bool Same(string a, string b) => Normalize(a) == Normalize(b);
}
