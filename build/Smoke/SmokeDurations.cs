using System.Globalization;

namespace GitOpsRunners.Smoke;

/// <summary>Durations as people write them: <c>10m</c>, <c>1m30s</c>, <c>45s</c>, <c>250ms</c>.</summary>
public static class SmokeDurations
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return $"{(int)span.TotalMilliseconds}ms";
        }

        var minutes = (int)span.TotalMinutes;
        var seconds = span.Seconds;
        return minutes == 0 ? $"{seconds}s" : seconds == 0 ? $"{minutes}m" : $"{minutes}m{seconds}s";
    }

    /// <summary>Parses <c>90s</c>, <c>10m</c>, <c>1h</c>, <c>1m30s</c>, <c>500ms</c> or plain seconds; null when it is not a duration.</summary>
    public static TimeSpan? Parse(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return plain >= 0 ? TimeSpan.FromSeconds(plain) : null;
        }

        var total = TimeSpan.Zero;
        var rest = text;
        while (rest.Length > 0)
        {
            var digits = rest.TakeWhile(c => char.IsDigit(c) || c == '.').Count();
            var unitLength = rest.Skip(digits).TakeWhile(char.IsLetter).Count();
            if (digits == 0 || unitLength == 0 || !double.TryParse(rest[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            TimeSpan? part = rest.Substring(digits, unitLength) switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => null,
            };
            if (part is null)
            {
                return null;
            }

            total += part.Value;
            rest = rest[(digits + unitLength)..];
        }

        return text.Length == 0 ? null : total;
    }
}
