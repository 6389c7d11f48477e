using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Go's <c>path/filepath.Match</c> for one path segment: <c>*</c>, <c>?</c>, <c>[a-z]</c>, <c>[^a-z]</c> and
/// <c>\</c> escapes; a malformed pattern matches nothing, as Go's error result does where Flux calls it.
/// </summary>
public static class GoPathMatch
{
    private static readonly ConcurrentDictionary<string, Regex?> Compiled = new(StringComparer.Ordinal);

    public static bool Match(string pattern, string name) =>
        Compiled.GetOrAdd(pattern, ToRegex) is { } regex && regex.IsMatch(name);

    private static Regex? ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '\\':
                    if (++i >= pattern.Length)
                    {
                        return null;
                    }

                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                case '[':
                    var end = pattern.IndexOf(']', i + 2);
                    if (end < 0)
                    {
                        return null;
                    }

                    var body = pattern[(i + 1)..end];
                    var negated = body.StartsWith('^');
                    body = negated ? body[1..] : body;
                    regex
                        .Append(negated ? "[^/" : "[")
                        .Append(
                            body.Replace("\\", "\\\\", StringComparison.Ordinal)
                                .Replace("[", "\\[", StringComparison.Ordinal)
                        )
                        .Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
