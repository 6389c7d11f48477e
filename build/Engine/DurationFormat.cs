using System.Globalization;

namespace GitOpsRunners.Engine;

/// <summary>Durations for people: <c>0.4s</c>, <c>12.0s</c>, <c>2m 05s</c>, <c>3h 10m</c>, <c>30d</c>.</summary>
public static class DurationFormat
{
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 60 ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
        : duration.TotalHours < 1 ? $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s"
        : duration.TotalDays < 1 ? $"{(int)duration.TotalHours}h {duration.Minutes:00}m"
        : duration.Hours == 0 ? $"{(int)duration.TotalDays}d"
        : $"{(int)duration.TotalDays}d {duration.Hours}h";
}
