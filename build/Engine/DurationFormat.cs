using System.Globalization;

namespace GitOpsRunners.Engine;

/// <summary>Durations for people: <c>0.4s</c>, <c>12.0s</c>, <c>2m 05s</c>.</summary>
public static class DurationFormat
{
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 60
            ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
            : $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s";
}
