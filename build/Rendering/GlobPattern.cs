using System.Text;
using System.Text.RegularExpressions;

namespace GitOpsRunners.Rendering;

/// <summary>Slash-separated globs: <c>*</c> and <c>?</c> stay within a segment, <c>**</c> crosses segments.</summary>
public static class GlobPattern
{
    public static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                pattern.Append(
                    c switch
                    {
                        '*' => "[^/]*",
                        '?' => "[^/]",
                        _ => Regex.Escape(c.ToString()),
                    }
                );
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>The leading segments of <paramref name="glob"/> that contain no wildcard ("" when the first has one).</summary>
    public static string LiteralPrefix(string glob)
    {
        var segments = glob.Split('/');
        var literal = segments.TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList();
        if (literal.Count == segments.Length)
        {
            literal.RemoveAt(literal.Count - 1);
        }

        return string.Join('/', literal);
    }

    public static bool HasWildcard(string glob) => glob.IndexOfAny(['*', '?', '[']) >= 0;
}
