namespace GitOpsRunners.Rendering.Substitution;

/// <summary>
/// The shell pattern used by the strip operators (<c>#</c>, <c>##</c>, <c>%</c>, <c>%%</c>): Go's
/// <c>path.Match</c> syntax as Flux's envsubst forks it, where <c>*</c> and <c>?</c> also match
/// <c>/</c>. <c>*</c> is any sequence, <c>?</c> any one character, <c>[a-z]</c> / <c>[^a-z]</c> a
/// class, <c>\c</c> a literal c. Patterns and names are sequences of Unicode code points.
/// </summary>
internal sealed class ShellGlob
{
    private readonly IReadOnlyList<Token> _tokens;

    private ShellGlob(IReadOnlyList<Token> tokens) => _tokens = tokens;

    /// <summary>False for a malformed pattern (an open class, an empty class, a trailing backslash).</summary>
    public static bool TryCompile(IReadOnlyList<int> pattern, out ShellGlob glob)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < pattern.Count)
        {
            var c = pattern[i++];
            switch (c)
            {
                case '*':
                    tokens.Add(new Token(TokenKind.AnySequence));
                    break;
                case '?':
                    tokens.Add(new Token(TokenKind.AnyOne));
                    break;
                case '[':
                    if (!TryReadClass(pattern, ref i, out var token))
                    {
                        glob = new ShellGlob([]);
                        return false;
                    }

                    tokens.Add(token);
                    break;
                case '\\':
                    if (i == pattern.Count)
                    {
                        glob = new ShellGlob([]);
                        return false;
                    }

                    tokens.Add(new Token(TokenKind.Literal, pattern[i++]));
                    break;
                default:
                    tokens.Add(new Token(TokenKind.Literal, c));
                    break;
            }
        }

        glob = new ShellGlob(tokens);
        return true;
    }

    /// <summary>Whether the whole of <paramref name="name"/> matches.</summary>
    public bool Matches(ReadOnlySpan<int> name)
    {
        int t = 0,
            n = 0,
            starToken = -1,
            starName = 0;
        while (n < name.Length)
        {
            if (t < _tokens.Count && _tokens[t].Kind == TokenKind.AnySequence)
            {
                starToken = t++;
                starName = n;
            }
            else if (t < _tokens.Count && _tokens[t].Accepts(name[n]))
            {
                t++;
                n++;
            }
            else if (starToken >= 0)
            {
                t = starToken + 1;
                n = ++starName;
            }
            else
            {
                return false;
            }
        }

        while (t < _tokens.Count && _tokens[t].Kind == TokenKind.AnySequence)
        {
            t++;
        }

        return t == _tokens.Count;
    }

    private static bool TryReadClass(IReadOnlyList<int> pattern, ref int i, out Token token)
    {
        token = default;
        var negated = i < pattern.Count && pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        var ranges = new List<(int Low, int High)>();
        while (true)
        {
            if (i < pattern.Count && pattern[i] == ']' && ranges.Count > 0)
            {
                i++;
                token = new Token(TokenKind.Class, Negated: negated, Ranges: ranges);
                return true;
            }

            if (!TryReadClassChar(pattern, ref i, out var low))
            {
                return false;
            }

            var high = low;
            if (i < pattern.Count && pattern[i] == '-')
            {
                i++;
                if (!TryReadClassChar(pattern, ref i, out high))
                {
                    return false;
                }
            }

            ranges.Add((low, high));
        }
    }

    private static bool TryReadClassChar(IReadOnlyList<int> pattern, ref int i, out int c)
    {
        c = 0;
        if (i >= pattern.Count || pattern[i] is '-' or ']')
        {
            return false;
        }

        if (pattern[i] == '\\' && ++i >= pattern.Count)
        {
            return false;
        }

        c = pattern[i++];
        return i < pattern.Count;
    }

    private enum TokenKind
    {
        Literal,
        AnyOne,
        AnySequence,
        Class,
    }

    private readonly record struct Token(
        TokenKind Kind,
        int Value = 0,
        bool Negated = false,
        IReadOnlyList<(int Low, int High)>? Ranges = null
    )
    {
        public bool Accepts(int c) =>
            Kind switch
            {
                TokenKind.Literal => c == Value,
                TokenKind.AnyOne => true,
                TokenKind.Class => Ranges!.Any(r => r.Low <= c && c <= r.High) != Negated,
                _ => false,
            };
    }
}
