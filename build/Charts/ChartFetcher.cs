using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Charts;

/// <summary>
/// Fetches chart archives the way the cluster would: an OCI artifact's Helm chart layer
/// (<c>application/vnd.cncf.helm.chart.content.v1.tar+gzip</c>) through its manifest, or the archive a Helm repository's
/// <c>index.yaml</c> lists (relative URLs resolved against the index). Every archive is checked against the digest its
/// registry publishes (the layer digest; the index's <c>digest</c> when it has one) and kept in the cache by digest.
/// Mirrors and credentials are Bump's. A registry that cannot be reached falls back to the cache; a host name that
/// does not resolve fails at once, without retries. Each chart is fetched once per instance.
/// </summary>
public sealed class ChartFetcher(
    OciRegistryClient oci,
    HelmRepositoryClient helm,
    RegistryMirrors mirrors,
    ChartCache cache,
    TimeSpan requestTimeout
)
{
    private static readonly string[] ChartLayerTypes = [OciMediaTypes.HelmChartContent, "application/tar+gzip"];

    private readonly ConcurrentDictionary<string, Lazy<Task<ChartFetch>>> _fetches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public Task<ChartFetch> FetchAsync(ChartSource source, CancellationToken ct) =>
        _fetches.GetOrAdd(source.Key, _ => new Lazy<Task<ChartFetch>>(() => FetchOnceAsync(source, ct))).Value;

    private async Task<ChartFetch> FetchOnceAsync(ChartSource source, CancellationToken ct)
    {
        try
        {
            var (digest, bytes) = source.Oci is { } reference
                ? await FetchOciAsync(source, reference, ct).ConfigureAwait(false)
                : await FetchHttpAsync(source, ct).ConfigureAwait(false);
            var archive = Read(source, digest, bytes);
            cache.Store(source.Key, digest, bytes);
            return ChartFetch.Found(archive);
        }
        catch (ChartProblem problem)
        {
            return ChartFetch.Failed(problem.Rule, problem.Message);
        }
        catch (BuildException e) when (e is RegistryException { StatusCode: HttpStatusCode.NotFound })
        {
            return ChartFetch.Failed(ChartRules.Missing, $"{source} does not exist: {e.Message.TrimEnd('.')}.");
        }
        catch (BuildException e)
        {
            if (cache.Recall(source.Key) is { } cached)
            {
                return ChartFetch.Found(Read(source, cached.Digest, cached.Archive));
            }

            return ChartFetch.Failed(
                ChartRules.Unavailable,
                $"{source} could not be fetched and is not cached ({e.Message.TrimEnd('.')}); its CRDs and values schema are not checked, its custom resources are checked against the schema lock and locations."
            );
        }
    }

    private static ChartArchive Read(ChartSource source, string digest, byte[] bytes)
    {
        try
        {
            return ChartArchive.Read(bytes, digest, source.ToString());
        }
        catch (BuildException e)
        {
            throw new ChartProblem(ChartRules.Archive, e.Message);
        }
    }

    private async Task<(string Digest, byte[] Bytes)> FetchOciAsync(
        ChartSource source,
        OciReference reference,
        CancellationToken ct
    )
    {
        if (reference.Digest is not null && cache.Recall(source.Key) is { } pinned)
        {
            return pinned;
        }

        var target = mirrors.Resolve(reference);
        await ResolveHostAsync(target.Registry, ct).ConfigureAwait(false);
        var (manifest, manifestDigest, _) = await oci.GetManifestAsync(target, reference.Digest ?? reference.Tag!, ct)
            .ConfigureAwait(false);
        if (reference.Digest is { } expected && manifestDigest != expected)
        {
            throw new ChartProblem(
                ChartRules.Digest,
                $"{source}: the registry's manifest hashes to {manifestDigest}, not the pinned {expected}."
            );
        }

        var layer = ChartLayer(manifest, source);
        var bytes = cache.Find(layer) ?? await oci.GetBlobAsync(target, layer, ct).ConfigureAwait(false);
        var actual = OciRegistryClient.Sha256(bytes);
        if (actual != layer)
        {
            throw new ChartProblem(
                ChartRules.Digest,
                $"{source}: the chart layer the registry sent hashes to {actual}, not the {layer} its manifest names."
            );
        }

        return (layer, bytes);
    }

    private static string ChartLayer(byte[] manifest, ChartSource source)
    {
        try
        {
            using var json = JsonDocument.Parse(manifest);
            if (
                json.RootElement.TryGetProperty("layers", out var layers)
                && layers.ValueKind == JsonValueKind.Array
                && layers
                    .EnumerateArray()
                    .FirstOrDefault(l =>
                        l.TryGetProperty("mediaType", out var type) && ChartLayerTypes.Contains(type.GetString())
                    )
                    is { ValueKind: JsonValueKind.Object } layer
                && layer.TryGetProperty("digest", out var digest)
                && digest.GetString() is { } text
                && text.StartsWith("sha256:", StringComparison.Ordinal)
            )
            {
                return text;
            }
        }
        catch (JsonException) { }

        throw new ChartProblem(
            ChartRules.Archive,
            $"{source}: the OCI manifest has no Helm chart layer ({OciMediaTypes.HelmChartContent}), so it is not a Helm chart."
        );
    }

    private async Task<(string Digest, byte[] Bytes)> FetchHttpAsync(ChartSource source, CancellationToken ct)
    {
        var repository = mirrors.Resolve(source.Repository!);
        await ResolveHostAsync(repository.Authority, ct).ConfigureAwait(false);
        var versions = await helm.GetVersionsAsync(repository, source.Chart, ct).ConfigureAwait(false);
        var entry =
            versions.FirstOrDefault(v => v.Version == source.Version)
            ?? throw new ChartProblem(
                ChartRules.Missing,
                $"{source} is not in {HelmRepositoryClient.IndexUri(repository)} (newest: {string.Join(", ", versions.Take(3).Select(v => v.Version))})."
            );
        var url =
            entry.Urls.FirstOrDefault()
            ?? throw new ChartProblem(ChartRules.Archive, $"{source}: the index lists no url for this version.");
        if (entry.Digest is { } known && cache.Find("sha256:" + known.ToLowerInvariant()) is { } cached)
        {
            return ("sha256:" + known.ToLowerInvariant(), cached);
        }

        var archiveUrl = mirrors.Resolve(url);
        if (archiveUrl.Authority != repository.Authority)
        {
            await ResolveHostAsync(archiveUrl.Authority, ct).ConfigureAwait(false);
        }

        var action = $"downloading {archiveUrl}";
        using var response = await helm.GetAsync(archiveUrl, action, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await helm.FailureAsync(response, archiveUrl, action, null, ct).ConfigureAwait(false);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var digest = OciRegistryClient.Sha256(bytes);
        if (
            entry.Digest is { } published
            && !string.Equals("sha256:" + published, digest, StringComparison.OrdinalIgnoreCase)
        )
        {
            throw new ChartProblem(
                ChartRules.Digest,
                $"{source}: the archive at {archiveUrl} hashes to {digest}, not the sha256:{published} the index publishes."
            );
        }

        return (digest, bytes);
    }

    /// <summary>Fails at once, without the request's retries, when <paramref name="authority"/>'s host name does not resolve.</summary>
    private async Task ResolveHostAsync(string authority, CancellationToken ct)
    {
        var host = new Uri($"http://{authority}/").IdnHost;
        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return;
        }

        var failure = await _hosts
            .GetOrAdd(host, name => new Lazy<Task<string?>>(() => LookUpAsync(name, ct)))
            .Value.ConfigureAwait(false);
        if (failure is not null)
        {
            throw new UnreachableHost(failure);
        }
    }

    private async Task<string?> LookUpAsync(string host, CancellationToken ct)
    {
        try
        {
            await Dns.GetHostAddressesAsync(host, ct).WaitAsync(requestTimeout, ct).ConfigureAwait(false);
            return null;
        }
        catch (SocketException e)
        {
            return $"{host}: the host name does not resolve ({e.Message.TrimEnd('.')})";
        }
        catch (TimeoutException)
        {
            return $"{host}: the host name did not resolve within {requestTimeout.TotalSeconds:0.###} s";
        }
    }

    private sealed class UnreachableHost(string message) : BuildException(message);

    private sealed class ChartProblem(RuleDescriptor rule, string message) : BuildException(message)
    {
        public RuleDescriptor Rule { get; } = rule;
    }
}
