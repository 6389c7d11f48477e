using System.Collections.Concurrent;
using System.Net;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Chart versions from a classic Helm HTTP repository (<c>&lt;url&gt;/index.yaml</c>). Each index is
/// downloaded and read once per client instance (one run), whatever the number of charts asked for.
/// Give it a client from <see cref="RegistryHttp.CreateClient"/> so downloads are retried.
/// </summary>
public sealed class HelmRepositoryClient(HttpClient http)
{
    private readonly ConcurrentDictionary<
        Uri,
        Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<HelmChartVersion>>>>
    > _indexes = new();

    /// <summary>The versions of <paramref name="chart"/>, newest first (SemVer order, <c>removed</c> entries left out).</summary>
    public async Task<IReadOnlyList<HelmChartVersion>> GetVersionsAsync(
        Uri repositoryUrl,
        string chart,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(repositoryUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(chart);
        var indexUri = IndexUri(repositoryUrl);
        var entry = _indexes.GetOrAdd(
            indexUri,
            uri => new Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<HelmChartVersion>>>>(() =>
                DownloadAsync(uri, ct)
            )
        );
        IReadOnlyDictionary<string, IReadOnlyList<HelmChartVersion>> index;
        try
        {
            index = await entry.Value.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            _indexes.TryRemove(
                new KeyValuePair<Uri, Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<HelmChartVersion>>>>>(
                    indexUri,
                    entry
                )
            );
            throw;
        }

        if (index.TryGetValue(chart, out var versions))
            return versions;
        var known = index.Keys.Order(StringComparer.Ordinal).Take(10).ToList();
        throw new RegistryException(
            indexUri.Authority,
            $"{indexUri.Authority}: the chart '{chart}' is not in {indexUri}"
                + (
                    known.Count == 0
                        ? " (the index lists no charts)."
                        : $" (it lists {string.Join(", ", known)}{(index.Count > known.Count ? ", …" : "")})."
                )
        );
    }

    /// <summary><c>https://host/path</c> → <c>https://host/path/index.yaml</c>; a URL already ending in index.yaml is kept.</summary>
    public static Uri IndexUri(Uri repositoryUrl)
    {
        ArgumentNullException.ThrowIfNull(repositoryUrl);
        if (!repositoryUrl.IsAbsoluteUri || repositoryUrl.Scheme is not ("http" or "https"))
            throw new BuildException(
                $"'{repositoryUrl}' is not an http(s) Helm repository URL"
                    + (
                        repositoryUrl.IsAbsoluteUri && repositoryUrl.Scheme == "oci"
                            ? "; OCI chart repositories are read with OciRegistryClient."
                            : "."
                    )
            );
        var text = repositoryUrl.GetLeftPart(UriPartial.Path);
        if (text.EndsWith("/index.yaml", StringComparison.Ordinal))
            return new Uri(text);
        return new Uri(text.TrimEnd('/') + "/index.yaml");
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<HelmChartVersion>>> DownloadAsync(
        Uri indexUri,
        CancellationToken ct
    )
    {
        var host = indexUri.Authority;
        var action = $"downloading {indexUri}";
        using var request = new HttpRequestMessage(HttpMethod.Get, indexUri);
        using var response = await RegistrySender.SendAsync(http, request, host, action, ct);
        if (!response.IsSuccessStatusCode)
        {
            var hint = response.StatusCode switch
            {
                HttpStatusCode.NotFound => "Check the HelmRepository URL: it must be the folder that holds index.yaml.",
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    "The repository needs credentials; private Helm HTTP repositories are not supported yet.",
                _ => null,
            };
            throw await RegistrySender.FailureAsync(response, host, action, hint, ct);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream);
        return HelmIndexReader.Read(reader, indexUri);
    }
}
