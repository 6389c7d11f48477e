using System.Globalization;
using System.Text;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Versions.Editing;

/// <summary>
/// Text form of a key path inside one YAML document: keys joined by <c>.</c>, sequence indices as
/// <c>[0]</c>, and keys that hold <c>.</c>, <c>[</c>, <c>]</c> or <c>"</c> written as <c>["a.b/c"]</c>
/// (backslash escapes <c>"</c> and <c>\</c>). Example: <c>spec.values.template.spec.containers[0].image</c>.
/// </summary>
public static class YamlPath
{
    public static IReadOnlyList<YamlPathSegment> Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = new List<YamlPathSegment>();
        var i = 0;
        var expectKey = true;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                i = ParseBracket(path, i, segments);
                expectKey = false;
            }
            else if (path[i] == '.' && !expectKey)
            {
                i++;
                expectKey = true;
            }
            else
            {
                var start = i;
                while (i < path.Length && path[i] is not '.' and not '[')
                {
                    i++;
                }

                if (i == start)
                {
                    throw Bad(path, "an empty key");
                }

                segments.Add(YamlPathSegment.Of(path[start..i]));
                expectKey = false;
            }
        }

        if (expectKey && segments.Count > 0)
        {
            throw Bad(path, "a trailing '.'");
        }

        return segments;
    }

    public static string Format(IEnumerable<YamlPathSegment> segments)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Key is null)
            {
                text.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (segment.Key.Length == 0 || segment.Key.IndexOfAny(['.', '[', ']', '"', '\\']) >= 0)
            {
                var escaped = segment
                    .Key.Replace("\\", "\\\\", StringComparison.Ordinal)
                    .Replace("\"", "\\\"", StringComparison.Ordinal);
                text.Append("[\"").Append(escaped).Append("\"]");
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(segment.Key);
            }
        }

        return text.ToString();
    }

    /// <summary>Joins keys (strings) and indices (ints) into the text form.</summary>
    public static string Of(params object[] steps) =>
        Format(
            steps.Select(s =>
                s switch
                {
                    int index => YamlPathSegment.At(index),
                    string key => YamlPathSegment.Of(key),
                    _ => throw new ArgumentException(
                        $"a path step must be a string key or an int index, not {s?.GetType().Name}",
                        nameof(steps)
                    ),
                }
            )
        );

    private static int ParseBracket(string path, int i, List<YamlPathSegment> segments)
    {
        var close = i + 1;
        if (close < path.Length && path[close] == '"')
        {
            var key = new StringBuilder();
            close++;
            while (close < path.Length && path[close] != '"')
            {
                if (path[close] == '\\' && close + 1 < path.Length)
                {
                    close++;
                }

                key.Append(path[close++]);
            }

            if (close + 1 >= path.Length || path[close + 1] != ']')
            {
                throw Bad(path, "an unclosed [\"…\"]");
            }

            segments.Add(YamlPathSegment.Of(key.ToString()));
            return close + 2;
        }

        var end = path.IndexOf(']', i);
        if (
            end < 0
            || !int.TryParse(
                path.AsSpan(i + 1, end - i - 1),
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var index
            )
        )
        {
            throw Bad(path, "an index that is not [<number>]");
        }

        segments.Add(YamlPathSegment.At(index));
        return end + 1;
    }

    private static UsageException Bad(string path, string what) =>
        new($"YAML path '{path}' has {what}; write keys joined by '.', indices as [0] and odd keys as [\"a.b\"]");
}
