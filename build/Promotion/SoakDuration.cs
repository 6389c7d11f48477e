using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Promotion;

/// <summary>Soak times as people write them: <c>3d</c>, <c>36h</c>, <c>1d12h</c>, <c>90m</c>.</summary>
public static partial class SoakDuration
{
    /// <exception cref="UsageException">The text is not a duration.</exception>
    public static TimeSpan Parse(string text, string option = "--min-soak")
    {
        var trimmed = (text ?? string.Empty).Trim();
        var parts = Part().Matches(trimmed);
        if (trimmed.Length == 0 || string.Concat(parts.Select(m => m.Value)) != trimmed)
        {
            throw new UsageException($"{option} {text}: not a duration; use days, hours, minutes or seconds, e.g. 3d, 36h or 1d12h.");
        }

        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var value = double.Parse(part.Groups["value"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["unit"].Value switch
            {
                "d" => TimeSpan.FromDays(value),
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromSeconds(value),
            };
        }

        return total;
    }

    /// <summary><c>2d 3h 5m</c>; seconds only below a minute.</summary>
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return $"{Math.Max(0, (int)span.TotalSeconds)}s";
        }

        var text = new StringBuilder();
        if (span.Days > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{span.Days}d ");
        }

        if (span.Hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{span.Hours}h ");
        }

        if (span.Minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{span.Minutes}m");
        }

        return text.ToString().Trim();
    }

    [GeneratedRegex(@"(?<value>\d+(\.\d+)?)(?<unit>[dhms])")]
    private static partial Regex Part();
}
