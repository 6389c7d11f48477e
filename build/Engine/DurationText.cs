using System.Globalization;

namespace GitOpsRunners.Engine;

/// <summary>Durations as people write them on a command line: <c>250ms</c>, <c>45s</c>, <c>10m</c>, <c>36h</c>, <c>1d12h</c>.</summary>
public static class DurationText
{
    /// <summary>The duration, or null when <paramref name="text"/> is not one. With <paramref name="bareSeconds"/> a plain number means seconds.</summary>
    public static TimeSpan? Parse(string? text, bool bareSeconds = false)
    {
        var rest = (text ?? "").Trim();
        if (rest.Length == 0)
        {
            return null;
        }

        if (double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return bareSeconds && plain >= 0 ? TimeSpan.FromSeconds(plain) : null;
        }

        var total = TimeSpan.Zero;
        while (rest.Length > 0)
        {
            var digits = rest.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
            var unitLength = rest.Skip(digits).TakeWhile(char.IsAsciiLetter).Count();
            if (
                digits == 0
                || unitLength == 0
                || !double.TryParse(rest[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            )
            {
                return null;
            }

            TimeSpan? part = rest.Substring(digits, unitLength) switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                "d" => TimeSpan.FromDays(value),
                _ => null,
            };
            if (part is null)
            {
                return null;
            }

            total += part.Value;
            rest = rest[(digits + unitLength)..];
        }

        return total;
    }
}
