using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Charts;

/// <summary>
/// The outcome of fetching one chart: its archive (fetched, or from the cache when the registry could not be
/// reached), or why there is none: the <paramref name="Rule"/> it breaks and the <paramref name="Problem"/>.
/// </summary>
public sealed record ChartFetch(ChartArchive? Archive, RuleDescriptor? Rule, string? Problem)
{
    public static ChartFetch Found(ChartArchive archive) => new(archive, null, null);

    public static ChartFetch Failed(RuleDescriptor rule, string problem) => new(null, rule, problem);
}
