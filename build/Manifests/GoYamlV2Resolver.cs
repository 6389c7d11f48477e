using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace GitOpsRunners.Manifests;

/// <summary>
/// Types a plain YAML scalar the way go-yaml v2 (<c>resolve.go</c>, vendored by sigs.k8s.io/yaml) does when
/// <c>yaml.YAMLToJSON</c> decodes into <c>interface{}</c>: YAML 1.1 booleans (<c>y</c>, <c>yes</c>, <c>on</c>,
/// <c>n</c>, <c>no</c>, <c>off</c> and <c>true</c>/<c>false</c>, each in three casings), Go integer syntax after
/// removing <c>_</c> (<c>0x</c>, <c>0o</c>, <c>0b</c>, and a leading <c>0</c> for octal: <c>0777</c> is 511),
/// floats, <c>.inf</c>/<c>.nan</c>, nulls; timestamps stay strings, as v2 keeps them for <c>interface{}</c>.
/// </summary>
public static partial class GoYamlV2Resolver
{
    /// <summary>The spellings go-yaml v2 looks up before anything else, as listed in its <c>resolveMapList</c>.</summary>
    private static readonly Dictionary<string, GoYamlValue> Words = Spellings(
        (GoYamlValue.True, ["y", "Y", "yes", "Yes", "YES"]),
        (GoYamlValue.True, ["true", "True", "TRUE"]),
        (GoYamlValue.True, ["on", "On", "ON"]),
        (GoYamlValue.False, ["n", "N", "no", "No", "NO"]),
        (GoYamlValue.False, ["false", "False", "FALSE"]),
        (GoYamlValue.False, ["off", "Off", "OFF"]),
        (GoYamlValue.Null, ["", "~", "null", "Null", "NULL"]),
        (new(GoYamlKind.Float, "NaN"), [".nan", ".NaN", ".NAN"]),
        (new(GoYamlKind.Float, "+Inf"), [".inf", ".Inf", ".INF"]),
        (new(GoYamlKind.Float, "+Inf"), ["+.inf", "+.Inf", "+.INF"]),
        (new(GoYamlKind.Float, "-Inf"), ["-.inf", "-.Inf", "-.INF"])
    );

    /// <summary>The type and JSON text of a plain scalar; a string's text is the scalar itself.</summary>
    public static GoYamlValue Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Words.TryGetValue(text, out var word))
        {
            return word;
        }

        var first = text[0];
        if (first == '.')
        {
            return LeadingDotFloat().IsMatch(text) ? Float(text) : GoYamlValue.String(text);
        }

        if (first is not ('+' or '-') && !char.IsAsciiDigit(first))
        {
            return GoYamlValue.String(text);
        }

        if (Timestamp().IsMatch(text))
        {
            return GoYamlValue.String(text);
        }

        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (GoInteger(plain) is { } integer)
        {
            return new GoYamlValue(GoYamlKind.Int, integer.ToString(CultureInfo.InvariantCulture));
        }

        return YamlStyleFloat().IsMatch(plain) ? Float(plain) : GoYamlValue.String(text);
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c> syntax (any size, as v2 falls back to big integers).</summary>
    private static BigInteger? GoInteger(string text)
    {
        var negative = text.StartsWith('-');
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        var (radix, body) = digits switch
        {
            ['0', 'x' or 'X', .. var rest] => (16, rest),
            ['0', 'o' or 'O', .. var rest] => (8, rest),
            ['0', 'b' or 'B', .. var rest] => (2, rest),
            ['0', _, ..] => (8, digits[1..]),
            _ => (10, digits),
        };
        if (body.Length == 0)
        {
            return null;
        }

        var value = BigInteger.Zero;
        foreach (var c in body)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return null;
            }

            value = (value * radix) + digit;
        }

        return negative ? -value : value;
    }

    private static GoYamlValue Float(string text)
    {
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new GoYamlValue(GoYamlKind.Float, JsonNumber(value));
    }

    /// <summary>How Go's encoding/json writes a float64: integral values without a fraction, exponents past 1e21.</summary>
    private static string JsonNumber(double value)
    {
        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? shortest : shortest[..e];
        var exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(value);
        if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21))
        {
            var digits = mantissa.TrimStart('-').Replace(".", "", StringComparison.Ordinal);
            var scaled =
                exponent
                + mantissa.TrimStart('-').IndexOf('.') switch
                {
                    -1 => mantissa.TrimStart('-').Length - 1,
                    var point => point - 1,
                };
            var head = digits.Length > 1 ? $"{digits[0]}.{digits[1..].TrimEnd('0')}".TrimEnd('.') : digits;
            var sign = scaled < 0 ? "-" : "+";
            return $"{(value < 0 ? "-" : "")}{head}e{sign}{Math.Abs(scaled)}";
        }

        if (e < 0)
        {
            return shortest;
        }

        var negative = mantissa.StartsWith('-');
        var unsigned = negative ? mantissa[1..] : mantissa;
        var dot = unsigned.IndexOf('.');
        var all = unsigned.Replace(".", "", StringComparison.Ordinal);
        var pointAt = (dot < 0 ? unsigned.Length : dot) + exponent;
        var positional =
            pointAt <= 0 ? "0." + new string('0', -pointAt) + all
            : pointAt >= all.Length ? all + new string('0', pointAt - all.Length)
            : all[..pointAt] + "." + all[pointAt..];
        return (negative ? "-" : "") + positional;
    }

    [GeneratedRegex(@"^\.[0-9]+([eE][-+]?[0-9]+)?$")]
    private static partial Regex LeadingDotFloat();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlStyleFloat();

    /// <summary>The timestamp forms v2 tries (<c>2006-1-2</c>, with a time, <c>T</c>/<c>t</c> or a space).</summary>
    [GeneratedRegex(
        @"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2}))|( [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?))?$"
    )]
    private static partial Regex Timestamp();

    private static Dictionary<string, GoYamlValue> Spellings(params (GoYamlValue Value, string[] Words)[] table) =>
        table
            .SelectMany(entry => entry.Words.Select(word => (word, entry.Value)))
            .ToDictionary(pair => pair.word, pair => pair.Value, StringComparer.Ordinal);
}
