using System.Text.RegularExpressions;

namespace GitOpsRunners.Versions.Registries;

/// <summary>RFC 5988 <c>Link</c> headers: finds the <c>rel="next"</c> target, resolved against the request URI.</summary>
public static partial class LinkHeader
{
    /// <summary>The absolute next-page URI, or null when no value carries <c>rel="next"</c>.</summary>
    public static Uri? Next(IEnumerable<string> headerValues, Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        ArgumentNullException.ThrowIfNull(requestUri);
        foreach (var value in headerValues)
        {
            foreach (Match link in LinkPattern().Matches(value))
            {
                var relations = RelPattern().Match(link.Groups["params"].Value);
                if (!relations.Success)
                    continue;
                var rel = relations.Groups["quoted"].Success
                    ? relations.Groups["quoted"].Value
                    : relations.Groups["bare"].Value;
                if (
                    rel.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Contains("next", StringComparer.OrdinalIgnoreCase)
                    && Uri.TryCreate(requestUri, link.Groups["target"].Value.Trim(), out var next)
                )
                    return next;
            }
        }

        return null;
    }

    /// <summary>Same scheme, host and port.</summary>
    public static bool IsSameOrigin(Uri a, Uri b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase)
            == 0;
    }

    [GeneratedRegex(@"<(?<target>[^>]*)>(?<params>[^,<]*(?:""[^""]*""[^,<]*)*)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@";\s*rel\s*=\s*(?:""(?<quoted>[^""]*)""|(?<bare>[^;,\s]+))", RegexOptions.IgnoreCase)]
    private static partial Regex RelPattern();
}
