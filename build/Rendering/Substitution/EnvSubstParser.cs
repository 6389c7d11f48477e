using System.Text;

namespace GitOpsRunners.Rendering.Substitution;

/// <summary>
/// Parses text the way Flux's envsubst (fluxcd/pkg/envsubst) does, quirks included:
/// <list type="bullet">
/// <item>Outside <c>${…}</c> only <c>$$</c> is special and becomes <c>$</c>; <c>$var</c> and backslashes stay.</item>
/// <item>A name is Unicode letters, digits and <c>_</c>; it may start with a digit.</item>
/// <item><c>${var-d}</c>, <c>${var+d}</c> and <c>${var?d}</c> do not parse (missing closing brace).</item>
/// <item>Operands of <c>#</c>, <c>%</c>, <c>:</c> and <c>/</c> are one literal run or one nested
/// <c>${…}</c>, never a mix; defaults may mix any number of both.</item>
/// <item>Only <c>/</c> operands know escapes: <c>\/</c>, <c>\\</c> and <c>$$</c>. A <c>/</c> pattern
/// runs up to the next <c>/</c>, even across a <c>}</c>.</item>
/// </list>
/// </summary>
internal sealed class EnvSubstParser(string text)
{
    private const int End = -1;

    private readonly EnvSubstErrors _errors = new(text);
    private int _pos;

    public static IReadOnlyList<EnvSubstNode> Parse(string text) => new EnvSubstParser(text).ParseTemplate();

    private IReadOnlyList<EnvSubstNode> ParseTemplate()
    {
        var nodes = new List<EnvSubstNode>();
        var literal = new StringBuilder();
        while (_pos < text.Length)
        {
            if (At("${"))
            {
                Flush(literal, nodes);
                nodes.Add(ParseExpansion());
            }
            else if (At("$$"))
            {
                literal.Append('$');
                _pos += 2;
            }
            else
            {
                literal.Append(text[_pos++]);
            }
        }

        Flush(literal, nodes);
        return nodes;
    }

    private EnvSubstExpansion ParseExpansion()
    {
        var start = _pos;
        _pos += 2;
        if (Peek() == '#')
        {
            return ParseLength(start);
        }

        var name = ReadName();
        if (name.Length == 0)
        {
            throw Peek() == End ? _errors.Unclosed(start) : _errors.BadName(start);
        }

        return Peek() switch
        {
            '}' => Close(new EnvSubstExpansion(name, "", [], start)),
            ':' when Peek(1) is '=' or '-' or '?' or '+' => ParseDefault(name, start),
            ':' => ParseSubstring(name, start),
            '=' => ParseDefault(name, start),
            ',' or '^' => ParseCasing(name, start),
            '/' => ParseReplace(name, start),
            '#' or '%' => ParseRemove(name, start),
            End => throw _errors.Unclosed(start),
            var other => throw _errors.NoClosingBrace(start, name, (char)other),
        };
    }

    private EnvSubstExpansion ParseLength(int start)
    {
        _pos++;
        var name = ReadName();
        if (name.Length == 0)
        {
            throw Peek() == End
                ? _errors.Unclosed(start)
                : _errors.Malformed(start, "a variable name must follow \"#\"");
        }

        return Close(new EnvSubstExpansion(name, "#", [], start));
    }

    private EnvSubstExpansion ParseCasing(string name, int start)
    {
        var op = ReadRun(c => c is ',' or '^', 2);
        return Close(new EnvSubstExpansion(name, op, [], start));
    }

    private EnvSubstExpansion ParseRemove(string name, int start)
    {
        var symbol = text[_pos];
        var op = ReadRun(c => c == symbol, 2);
        var pattern = ParseOperand(start, name, op, c => c == '}', escapes: false);
        return Close(new EnvSubstExpansion(name, op, [pattern], start));
    }

    private EnvSubstExpansion ParseSubstring(string name, int start)
    {
        _pos++;
        var offset = ParseOperand(start, name, ":", c => c is ':' or '}', escapes: false);
        if (Peek() == '}')
        {
            _pos++;
            return new EnvSubstExpansion(name, ":", [offset], start);
        }

        if (Peek() != ':')
        {
            throw Peek() == End
                ? _errors.Unclosed(start)
                : _errors.Malformed(start, "expected \":length\" or \"}\" after the offset");
        }

        ReadRun(c => c == ':', int.MaxValue);
        var length = ParseOperand(start, name, ":", c => c == '}', escapes: false);
        return Close(new EnvSubstExpansion(name, ":", [offset, length], start));
    }

    private EnvSubstExpansion ParseReplace(string name, int start)
    {
        _pos++;
        var op = Peek() is '/' or '#' or '%' ? "/" + text[_pos++] : "/";
        var pattern =
            Peek() == '/' ? new EnvSubstText("") : ParseOperand(start, name, op, c => c == '/', escapes: true);
        if (Peek() != '/')
        {
            throw Peek() == End
                ? _errors.Unclosed(start)
                : _errors.Malformed(start, "expected \"/\" between the pattern and the replacement");
        }

        ReadRun(c => c == '/', int.MaxValue);
        if (Peek() == '}')
        {
            _pos++;
            return new EnvSubstExpansion(name, op, [pattern], start);
        }

        var replacement = ParseOperand(start, name, op, c => c == '}', escapes: true);
        return Close(new EnvSubstExpansion(name, op, [pattern, replacement], start));
    }

    private EnvSubstExpansion ParseDefault(string name, int start)
    {
        var op = Peek() == '=' ? "=" : text.Substring(_pos, 2);
        _pos += op.Length;
        var parts = new List<EnvSubstNode>();
        while (Peek() != '}')
        {
            parts.Add(ParseOperand(start, name, op, c => c == '}', escapes: false));
        }

        _pos++;
        return new EnvSubstExpansion(name, op, parts, start);
    }

    private EnvSubstNode ParseOperand(int start, string name, string op, Func<char, bool> stop, bool escapes)
    {
        if (At("${"))
        {
            return ParseExpansion();
        }

        var value = new StringBuilder();
        var from = _pos;
        while (_pos < text.Length && !At("${"))
        {
            if (escapes && (At("$$") || At("\\/") || At("\\\\")))
            {
                value.Append(text[_pos + 1]);
                _pos += 2;
            }
            else if (stop(text[_pos]))
            {
                break;
            }
            else
            {
                value.Append(text[_pos++]);
            }
        }

        if (_pos == from)
        {
            throw Peek() == End
                ? _errors.Unclosed(start)
                : _errors.Malformed(start, $"the \"{op}\" operator of \"{name}\" needs an operand here");
        }

        return new EnvSubstText(value.ToString());
    }

    private string ReadName()
    {
        var from = _pos;
        while (
            _pos < text.Length
            && Rune.DecodeFromUtf16(text.AsSpan(_pos), out var rune, out var width)
                == System.Buffers.OperationStatus.Done
            && (Rune.IsLetter(rune) || Rune.IsDigit(rune) || rune.Value == '_')
        )
        {
            _pos += width;
        }

        return text[from.._pos];
    }

    private string ReadRun(Func<char, bool> accept, int max)
    {
        var from = _pos;
        while (_pos < text.Length && _pos - from < max && accept(text[_pos]))
        {
            _pos++;
        }

        return text[from.._pos];
    }

    private EnvSubstExpansion Close(EnvSubstExpansion expansion)
    {
        if (Peek() != '}')
        {
            throw Peek() == End
                ? _errors.Unclosed(expansion.Offset)
                : _errors.Malformed(expansion.Offset, "expected \"}\"");
        }

        _pos++;
        return expansion;
    }

    private bool At(string token) => string.CompareOrdinal(text, _pos, token, 0, token.Length) == 0;

    private int Peek(int ahead = 0) => _pos + ahead < text.Length ? text[_pos + ahead] : End;

    private static void Flush(StringBuilder literal, List<EnvSubstNode> nodes)
    {
        if (literal.Length > 0)
        {
            nodes.Add(new EnvSubstText(literal.ToString()));
            literal.Clear();
        }
    }
}
