using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Charts;

/// <summary>
/// The outcome of fetching one chart: its archive (fetched, or from the cache when the registry could not be
/// reached), or why there is none: <paramref name="RuleId"/> and <paramref name="Problem"/>, with the severity
/// that rule reports at.
/// </summary>
public sealed record ChartFetch(ChartArchive? Archive, string? RuleId, string? Problem, Severity Severity)
{
    public static ChartFetch Found(ChartArchive archive) => new(archive, null, null, Severity.Info);

    public static ChartFetch Failed(string ruleId, string problem, Severity severity) =>
        new(null, ruleId, problem, severity);
}
