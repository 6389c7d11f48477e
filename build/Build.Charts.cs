using GitOpsRunners.Charts;

namespace GitOpsRunners;

sealed partial class Build
{
    /// <summary>
    /// What Bump asks before delivering a group that moves a chart: the chart checks of the cluster with the change
    /// applied, in a scratch copy under the build's cache, through <paramref name="http"/>; their errors go into the
    /// pull request body.
    /// </summary>
    ChartBumpCheck CreateBumpCheck(HttpClient http) =>
        new(
            Layout.Root,
            Layout.KubernetesFolder,
            CacheDirectory,
            CreateRenderer,
            new ChartSchemaSource(CreateChartFetcher(http)),
            SchemaOptions(),
            http
        );
}
