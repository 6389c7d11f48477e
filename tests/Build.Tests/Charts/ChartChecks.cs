using GitOpsRunners.Charts;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Charts;

/// <summary>A chart-aware check as Validate builds it, without retries, caching into a folder of the test's own.</summary>
public sealed class ChartChecks : IDisposable
{
    private readonly TempDirectory _cache = new();
    private readonly HttpClient _http = RegistryHttp.CreateClient(
        new RegistryHttpOptions { MaxRetryAttempts = 0, AttemptTimeout = TimeSpan.FromSeconds(5) }
    );

    public string CacheFolder => _cache.Path;

    public ChartSchemaSource Source(RegistryMirrors? mirrors = null) =>
        new(
            new ChartFetcher(
                new OciRegistryClient(_http, new RegistryCredentialStore(new Dictionary<string, string?>())),
                new HelmRepositoryClient(_http),
                mirrors ?? RegistryMirrors.None,
                new ChartCache(_cache.Path),
                TimeSpan.FromSeconds(5)
            )
        );

    /// <summary>Checks the cluster made of <paramref name="yaml"/> (file <c>apps.yaml</c>) with a fresh fetcher.</summary>
    public Task<ChartCheckResult> CheckAsync(string yaml, RegistryMirrors? mirrors = null)
    {
        var cluster = YamlManifests.Cluster("one", yaml, "apps.yaml");
        return Source(mirrors).CheckAsync(cluster, Locator(cluster), CancellationToken.None);
    }

    public static ScanLocator Locator(RenderedCluster cluster) => new(cluster.Objects.Select(o => o.Manifest));

    /// <summary>A HelmRepository at <paramref name="url"/> and a HelmRelease of <paramref name="chart"/> at <paramref name="version"/>; <paramref name="values"/> is its spec.values, indented by four.</summary>
    public static string HelmRelease(string url, string chart, string version, string values = "") =>
        $"""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: charts
              namespace: apps
            spec:
              url: {url}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: {chart}
              namespace: apps
            spec:
              chart:
                spec:
                  chart: {chart}
                  version: "{version}"
                  sourceRef:
                    kind: HelmRepository
                    name: charts
            {(values.Length == 0 ? "" : "  values:\n" + values)}
            """;

    /// <summary>An OCIRepository at <paramref name="url"/> (<c>oci://…</c>) with <paramref name="reference"/> under ref, and a HelmRelease using it.</summary>
    public static string OciRelease(string url, string reference) =>
        $"""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata:
              name: chart
              namespace: apps
            spec:
              url: {url}
              ref:
                {reference}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: release
              namespace: apps
            spec:
              chartRef:
                kind: OCIRepository
                name: chart

            """;

    /// <summary>A custom resource at <paramref name="apiVersion"/>.</summary>
    public static string Resource(string apiVersion, string kind, string name) =>
        "---\n" + ManifestYaml.Of(apiVersion, kind, name, $"name: {name}", "apps");

    public void Dispose()
    {
        _http.Dispose();
        _cache.Dispose();
    }
}
