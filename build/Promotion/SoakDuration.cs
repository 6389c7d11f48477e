using System.Globalization;
using System.Text;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Promotion;

/// <summary>Soak times as people write them: <c>3d</c>, <c>36h</c>, <c>1d12h</c>, <c>90m</c>.</summary>
public static class SoakDuration
{
    /// <exception cref="UsageException">The text is not a duration.</exception>
    public static TimeSpan Parse(string text, string option = "--min-soak") =>
        DurationText.Parse(text) switch
        {
            null => throw new UsageException(
                $"{option} {text}: not a duration; use days, hours, minutes or seconds, e.g. 3d, 36h or 1d12h."
            ),
            var soak when soak > Longest => throw new UsageException(
                $"{option} {text}: longer than the longest soak allowed ({Longest.Days}d); give at most that."
            ),
            var soak => soak.Value,
        };

    private static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

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
}
