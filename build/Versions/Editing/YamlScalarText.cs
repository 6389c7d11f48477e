using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GitOpsRunners.Versions.Editing;

/// <summary>
/// How a value is written as a YAML scalar in a given style: whether it can stay plain (syntax, and it must
/// resolve to the same kind of value as before, so <c>1.9</c> → <c>1.10</c> never turns a string into a
/// float), single-quoted (no line breaks or control characters) or double-quoted (always possible).
/// </summary>
internal static partial class YamlScalarText
{
    private const string Indicators = "[]{},#&*!|>'\"%@`";
    private const string FlowIndicators = ",[]{}";

    public static string Plain(string value) => value;

    public static string SingleQuoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string DoubleQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(
                c switch
                {
                    '\\' => "\\\\",
                    '"' => "\\\"",
                    '\0' => "\\0",
                    '\a' => "\\a",
                    '\b' => "\\b",
                    '\t' => "\\t",
                    '\n' => "\\n",
                    '\v' => "\\v",
                    '\f' => "\\f",
                    '\r' => "\\r",
                    '\u001b' => "\\e",
                    '\u0085' => "\\N",
                    '\u00a0' => "\\_",
                    '\u2028' => "\\L",
                    '\u2029' => "\\P",
                    '\ufeff' => "\\uFEFF",
                    _ when char.IsControl(c) => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                }
            );
        }

        return text.Append('"').ToString();
    }

    /// <summary>Whether <paramref name="value"/> parses back as the same string when written plain.</summary>
    public static bool CanBePlain(string value, bool inFlow)
    {
        if (
            value.Length == 0
            || char.IsWhiteSpace(value[0])
            || char.IsWhiteSpace(value[^1])
            || !AllPrintable(value, allowTab: false)
        )
        {
            return false;
        }

        var first = value[0];
        if (Indicators.Contains(first, StringComparison.Ordinal))
        {
            return false;
        }

        if (
            first is '-' or '?' or ':'
            && (
                value.Length == 1
                || value[1] == ' '
                || (inFlow && FlowIndicators.Contains(value[1], StringComparison.Ordinal))
            )
        )
        {
            return false;
        }

        if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        if (
            value.Contains(": ", StringComparison.Ordinal)
            || value.Contains(" #", StringComparison.Ordinal)
            || value.EndsWith(':')
        )
        {
            return false;
        }

        return !inFlow || value.IndexOfAny(FlowIndicators.ToCharArray()) < 0;
    }

    public static bool CanBeSingleQuoted(string value) => AllPrintable(value, allowTab: true);

    /// <summary>What a plain scalar resolves to under the YAML 1.1 and 1.2 core schemas: null, bool, int, float, timestamp or string.</summary>
    public static string Resolution(string plain) =>
        plain switch
        {
            "" or "~" or "null" or "Null" or "NULL" => "null",
            _ when BoolPattern().IsMatch(plain) => "bool",
            _ when IntPattern().IsMatch(plain) => "int",
            _ when FloatPattern().IsMatch(plain) => "float",
            _ when TimestampPattern().IsMatch(plain) => "timestamp",
            _ => "string",
        };

    private static bool AllPrintable(string value, bool allowTab)
    {
        foreach (var c in value)
        {
            if (
                (c == '\t' && !allowTab)
                || (c != '\t' && char.IsControl(c))
                || c is '\u2028' or '\u2029' or '\ufeff' or '\u00a0'
            )
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex(
        "^([-+]?(0|[1-9][0-9_]*)|[-+]?0[0-7_]+|0o[0-7]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$"
    )]
    private static partial Regex IntPattern();

    [GeneratedRegex(
        @"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*)$"
    )]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex TimestampPattern();
}
