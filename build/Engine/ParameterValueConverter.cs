using System.Globalization;
using System.Text.Json;

namespace GitOpsRunners.Engine;

/// <summary>Turns text (command line, environment) or JSON (parameter files) into a parameter's type.</summary>
public static class ParameterValueConverter
{
    /// <summary>Converts command-line or environment text; <paramref name="values"/> holds one item except for arrays.</summary>
    public static object? FromText(BuildParameter parameter, IReadOnlyList<string> values, string origin)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(values);
        if (parameter.IsArray)
        {
            return values.ToArray();
        }

        var text = values.Count == 0 ? "" : values[^1].Trim();
        var type = parameter.ValueType;
        if (type == typeof(string))
        {
            return values.Count == 0 ? "" : values[^1];
        }

        if (type == typeof(bool))
        {
            return text.ToLowerInvariant() switch
            {
                "" or "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => throw Invalid(parameter, text, origin, "true or false"),
            };
        }

        if (type == typeof(int))
        {
            var (minimum, maximum) = parameter.Range;
            var range =
                minimum == int.MinValue && maximum == int.MaxValue ? "a whole number"
                : maximum == int.MaxValue ? $"a whole number from {minimum}"
                : $"a whole number from {minimum} to {maximum}";
            return
                int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                && number >= minimum
                && number <= maximum
                ? number
                : throw Invalid(parameter, text, origin, range);
        }

        var match = Enum.GetNames(type)
            .FirstOrDefault(n => NameSuggester.Normalize(n) == NameSuggester.Normalize(text));
        return match is not null
            ? Enum.Parse(type, match)
            : throw Invalid(parameter, text, origin, "one of " + string.Join(", ", parameter.AllowedValues));
    }

    public static object? FromJson(BuildParameter parameter, JsonElement value, string origin)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Array when parameter.IsArray => value
                .EnumerateArray()
                .Select(item =>
                    item.ValueKind == JsonValueKind.String
                        ? item.GetString()!
                        : throw Invalid(parameter, item.GetRawText(), origin, "an array of strings")
                )
                .ToArray(),
            JsonValueKind.Array => throw Invalid(parameter, value.GetRawText(), origin, "a single value, not an array"),
            JsonValueKind.Object => throw Invalid(parameter, "{...}", origin, "a single value, not an object"),
            JsonValueKind.String => FromText(parameter, [value.GetString()!], origin),
            _ when parameter.ValueType == typeof(string) => throw Invalid(
                parameter,
                value.GetRawText(),
                origin,
                "a string in quotes"
            ),
            _ => FromText(parameter, [value.GetRawText()], origin),
        };
    }

    /// <summary>Splits an environment value of an array parameter: <c>a;b;c</c>.</summary>
    public static IReadOnlyList<string> SplitList(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static UsageException Invalid(BuildParameter parameter, string value, string origin, string expected) =>
        new(
            $"Invalid value '{(parameter.IsSecret ? "***" : value)}' for {parameter.Option} from {origin}: expected {expected}."
        );
}
