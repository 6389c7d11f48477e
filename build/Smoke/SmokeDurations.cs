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
        return minutes == 0 ? $"{seconds}s"
            : seconds == 0 ? $"{minutes}m"
            : $"{minutes}m{seconds}s";
    }

    /// <summary>Parses <c>90s</c>, <c>10m</c>, <c>1h</c>, <c>1m30s</c>, <c>500ms</c> or plain seconds; null when it is not a duration.</summary>
    public static TimeSpan? Parse(string text) => Engine.DurationText.Parse(text, bareSeconds: true);
}
