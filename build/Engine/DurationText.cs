using System.Globalization;

namespace GitOpsRunners.Engine;

/// <summary>Durations as people write them on a command line: <c>250ms</c>, <c>45s</c>, <c>10m</c>, <c>36h</c>, <c>1d12h</c>.</summary>
public static class DurationText
{
    /// <summary>
    /// The duration, or null when <paramref name="text"/> is not one. With <paramref name="bareSeconds"/> a plain number
    /// means seconds. A duration too large for <see cref="TimeSpan"/> comes back as <see cref="TimeSpan.MaxValue"/>.
    /// </summary>
    public static TimeSpan? Parse(string? text, bool bareSeconds = false)
    {
        var rest = (text ?? "").Trim();
        if (rest.Length == 0)
        {
            return null;
        }

        if (double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return bareSeconds && plain >= 0 ? Saturated(() => TimeSpan.FromSeconds(plain)) : null;
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

            Func<TimeSpan>? part = rest.Substring(digits, unitLength) switch
            {
                "ms" => () => TimeSpan.FromMilliseconds(value),
                "s" => () => TimeSpan.FromSeconds(value),
                "m" => () => TimeSpan.FromMinutes(value),
                "h" => () => TimeSpan.FromHours(value),
                "d" => () => TimeSpan.FromDays(value),
                _ => null,
            };
            if (part is null)
            {
                return null;
            }

            var sum = total;
            total = Saturated(() => sum + part());
            rest = rest[(digits + unitLength)..];
        }

        return total;
    }

    /// <summary>
    /// The value of a duration option, refused as a usage error (one line naming the option) when it is not a duration,
    /// is zero or negative, or is longer than <paramref name="longest"/>.
    /// </summary>
    /// <exception cref="UsageException">The value is not a usable duration.</exception>
    public static TimeSpan ParseOption(string option, string? text, TimeSpan longest, bool bareSeconds = true)
    {
        var value =
            Parse(text, bareSeconds)
            ?? throw new UsageException(
                $"{option} {text}: not a duration; use e.g. 90s, 10m, 2h or 1m30s (units ms, s, m, h, d)."
            );
        if (value <= TimeSpan.Zero)
        {
            throw new UsageException($"{option} {text}: must be longer than zero, e.g. 90s or 10m.");
        }

        return value > longest
            ? throw new UsageException(
                $"{option} {text}: longer than the longest allowed ({DurationFormat.Format(longest)}); give at most that."
            )
            : value;
    }

    private static TimeSpan Saturated(Func<TimeSpan> compute)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            return TimeSpan.MaxValue;
        }
        catch (ArgumentException)
        {
            return TimeSpan.MaxValue;
        }
    }
}
