using System.Collections.Concurrent;
using System.Net;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Chart versions from a classic Helm HTTP repository (<c>&lt;url&gt;/index.yaml</c>). Each index is
/// downloaded and read once per client instance (one run), whatever the number of charts asked for.
/// Give it a client from <see cref="RegistryHttp.CreateClient"/> so downloads are retried. A repository that answers
/// 401 with a Basic challenge is asked again with the user name and password <paramref name="credentials"/> holds for
/// its host (the <c>REGISTRY_&lt;HOST&gt;_USERNAME</c>/<c>_PASSWORD</c> variables OCI registries use).
/// </summary>
public sealed class HelmRepositoryClient(HttpClient http, RegistryCredentialStore? credentials = null)
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
        var action = $"downloading {indexUri}";
        using var response = await GetAsync(indexUri, action, ct);
        if (!response.IsSuccessStatusCode)
        {
            var hint =
                response.StatusCode == HttpStatusCode.NotFound
                    ? "Check the HelmRepository URL: it must be the folder that holds index.yaml."
                    : null;
            throw await FailureAsync(response, indexUri, action, hint, ct);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream);
        return HelmIndexReader.Read(reader, indexUri);
    }

    /// <summary>
    /// GETs <paramref name="uri"/> (an index or a chart archive) anonymously, and once more with the stored credentials
    /// for its host when it answers 401 with a Basic challenge. Credentials are never sent unasked.
    /// </summary>
    public async Task<HttpResponseMessage> GetAsync(Uri uri, string action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var host = uri.Authority;
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, uri);
        var response = await RegistrySender.SendAsync(http, anonymous, host, action, ct);
        if (
            response.StatusCode != HttpStatusCode.Unauthorized
            || AuthChallenge.Select(response.Headers.WwwAuthenticate) is not { IsBasic: true }
            || credentials?.Find(host) is not { } found
        )
        {
            return response;
        }

        response.Dispose();
        using var authenticated = new HttpRequestMessage(HttpMethod.Get, uri);
        authenticated.Headers.Authorization = found.BasicFor(uri, host);
        return await RegistrySender.SendAsync(http, authenticated, host, action, ct);
    }

    /// <summary>The error for a failed GET of <paramref name="uri"/>, saying which credentials to set or fix on 401/403.</summary>
    public async Task<RegistryException> FailureAsync(
        HttpResponseMessage response,
        Uri uri,
        string action,
        string? hint,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(uri);
        var host = uri.Authority;
        if (RegistrySender.IsAuthFailure(response.StatusCode))
        {
            hint = credentials?.Find(host) is { } used
                ? $"The credentials from {used.Source} were refused; check them or set {RegistryCredentialStore.Describe(host)}."
                : $"The repository needs a user name and password: set {RegistryCredentialStore.Describe(host)}.";
        }

        return await RegistrySender.FailureAsync(response, host, action, hint, ct);
    }
}
