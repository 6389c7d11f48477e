using System.Globalization;
using System.Text;

namespace GitOpsRunners.Rendering.Substitution;

/// <summary>
/// What each envsubst operator does to a value, as in fluxcd/pkg/envsubst:
/// <list type="bullet">
/// <item>Lengths and substring offsets count UTF-8 bytes, as Go's <c>len</c> does; a cut inside a
/// multi-byte character leaves U+FFFD.</item>
/// <item>Strip patterns are globs (<see cref="ShellGlob"/>) and strip at least one character;
/// a malformed pattern leaves the value alone. Matching is per character where Go tries byte
/// prefixes, which only differs when Go would cut a character in half.</item>
/// <item>Replace patterns are plain text, not globs.</item>
/// <item>Every default operator (<c>=</c>, <c>:=</c>, <c>:-</c>, <c>:?</c>, <c>:+</c>) means "the
/// value, or the default when the value is empty"; <c>:?</c> never fails and <c>:+</c> never
/// swaps a set value out.</item>
/// </list>
/// </summary>
internal static class EnvSubstOperators
{
    public static readonly IReadOnlySet<string> Defaulting = new HashSet<string>(StringComparer.Ordinal)
    {
        "=",
        ":=",
        ":-",
        ":?",
        ":+",
    };

    public static string Apply(string op, string value, IReadOnlyList<string> args) =>
        op switch
        {
            "#" when args.Count == 0 => Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture),
            "^" => MapFirst(value, Rune.ToUpperInvariant),
            "^^" => value.ToUpperInvariant(),
            "," => MapFirst(value, Rune.ToLowerInvariant),
            ",," => value.ToLowerInvariant(),
            ":" => Substring(value, args),
            "#" => Strip(value, args[0], longest: false),
            "##" => Strip(value, args[0], longest: true),
            "%" => Reverse(Strip(Reverse(value), Reverse(args[0]), longest: false)),
            "%%" => Reverse(Strip(Reverse(value), Reverse(args[0]), longest: true)),
            "/" => Replace(value, args[0], args.Count > 1 ? args[1] : "", 1),
            "//" => Replace(value, args[0], args.Count > 1 ? args[1] : "", int.MaxValue),
            "/#" when args.Count == 2 && value.StartsWith(args[0], StringComparison.Ordinal) => args[1]
                + value[args[0].Length..],
            "/%" when args.Count == 2 && value.EndsWith(args[0], StringComparison.Ordinal) => value[..^args[0].Length]
                + args[1],
            "/#" or "/%" => value,
            _ => value.Length == 0 && args.Count > 0 ? string.Concat(args) : value,
        };

    private static string MapFirst(string value, Func<Rune, Rune> map)
    {
        if (value.Length == 0)
        {
            return value;
        }

        Rune.DecodeFromUtf16(value, out var first, out var width);
        return map(first) + value[width..];
    }

    private static string Substring(string value, IReadOnlyList<string> args)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        long length = bytes.Length;
        if (!TryParseGoInt(args[0], out var start))
        {
            return value;
        }

        start = start < 0 ? Math.Max(0, length + start) : start;
        if (args.Count == 1)
        {
            return start < length ? Slice(bytes, start, length) : "";
        }

        if (!TryParseGoInt(args[1], out var count))
        {
            return value;
        }

        if (count < 0)
        {
            return length + count < start ? "" : Slice(bytes, start, length + count);
        }

        return start >= length ? "" : Slice(bytes, start, count >= length - start ? length : start + count);
    }

    private static string Slice(byte[] bytes, long from, long to) =>
        Encoding.UTF8.GetString(bytes, (int)from, (int)(to - from));

    private static bool TryParseGoInt(string text, out long number) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    private static string Strip(string value, string pattern, bool longest)
    {
        if (!ShellGlob.TryCompile(CodePoints(pattern), out var glob))
        {
            return value;
        }

        var points = CodePoints(value);
        var boundaries = Enumerable.Range(1, points.Length);
        foreach (var end in longest ? boundaries.Reverse() : boundaries)
        {
            if (glob.Matches(points.AsSpan(0, end)))
            {
                return FromCodePoints(points.AsSpan(end));
            }
        }

        return value;
    }

    private static string Replace(string value, string pattern, string replacement, int limit)
    {
        var result = new StringBuilder();
        var pos = 0;
        var done = 0;
        if (pattern.Length == 0)
        {
            foreach (var rune in value.EnumerateRunes())
            {
                if (done++ < limit)
                {
                    result.Append(replacement);
                }

                result.Append(rune.ToString());
            }

            return done < limit ? result.Append(replacement).ToString() : result.ToString();
        }

        for (
            var hit = value.IndexOf(pattern, StringComparison.Ordinal);
            hit >= 0 && done < limit;
            hit = value.IndexOf(pattern, pos, StringComparison.Ordinal), done++
        )
        {
            result.Append(value, pos, hit - pos).Append(replacement);
            pos = hit + pattern.Length;
        }

        return result.Append(value, pos, value.Length - pos).ToString();
    }

    private static string Reverse(string value) => FromCodePoints(Enumerable.Reverse(CodePoints(value)).ToArray());

    private static int[] CodePoints(string value) => value.EnumerateRunes().Select(r => r.Value).ToArray();

    private static string FromCodePoints(ReadOnlySpan<int> points)
    {
        var result = new StringBuilder();
        foreach (var point in points)
        {
            result.Append(new Rune(point).ToString());
        }

        return result.ToString();
    }
}
