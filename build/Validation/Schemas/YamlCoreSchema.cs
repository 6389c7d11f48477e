using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Types a plain YAML scalar by the YAML 1.2 core schema: null, booleans, integers (decimal, 0o, 0x) and floats
/// (incl. .inf/.nan); everything else is a string. Note that YAML 1.1 words like <c>yes</c>/<c>on</c> stay strings.
/// </summary>
public static partial class YamlCoreSchema
{
    public static JValue Resolve(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return JValue.CreateNull();
        }

        if (text is "true" or "True" or "TRUE")
        {
            return new JValue(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return new JValue(false);
        }

        if (DecimalInteger().IsMatch(text))
        {
            return Integer(text.TrimStart('+'), NumberStyles.AllowLeadingSign);
        }

        if (OctalInteger().IsMatch(text))
        {
            var octal = text[2..].Aggregate(BigInteger.Zero, (value, digit) => (value * 8) + (digit - '0'));
            return octal <= long.MaxValue ? new JValue((long)octal) : new JValue(octal);
        }

        if (HexInteger().IsMatch(text))
        {
            return Integer("0" + text[2..], NumberStyles.AllowHexSpecifier);
        }

        if (Float().IsMatch(text))
        {
            return new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (Infinity().IsMatch(text))
        {
            return new JValue(text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity);
        }

        return text is ".nan" or ".NaN" or ".NAN" ? new JValue(double.NaN) : new JValue(text);
    }

    private static JValue Integer(string digits, NumberStyles style) =>
        long.TryParse(digits, style, CultureInfo.InvariantCulture, out var small)
            ? new JValue(small)
            : new JValue(BigInteger.Parse(digits, style, CultureInfo.InvariantCulture));

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex OctalInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex HexInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)$")]
    private static partial Regex Infinity();
}
