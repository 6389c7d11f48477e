using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Support.Registry;

/// <summary>
/// Pushes content through the distribution API (blob upload POST + PUT, manifest PUT) the way
/// <c>helm push</c> and <c>docker push</c> do. <paramref name="tokenFor"/> gives a push token per repository
/// when the registry uses token auth.
/// </summary>
public sealed class RegistryPusher(Uri baseUri, Func<string, string>? tokenFor = null) : IDisposable
{
    private readonly HttpClient _http = new();

    public async Task<string> PushBlobAsync(string repository, byte[] content)
    {
        var digest = Digest(content);
        using var start = Request(HttpMethod.Post, repository, $"v2/{repository}/blobs/uploads/");
        using var started = await _http.SendAsync(start);
        await EnsureAsync(started, $"starting a blob upload to {repository}");
        var location = new Uri(baseUri, started.Headers.Location!);
        var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";

        using var put = Request(
            HttpMethod.Put,
            repository,
            location + separator + "digest=" + Uri.EscapeDataString(digest)
        );
        put.Content = new ByteArrayContent(content);
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var done = await _http.SendAsync(put);
        await EnsureAsync(done, $"finishing a blob upload to {repository}");
        return digest;
    }

    /// <summary>PUTs the exact <paramref name="body"/> bytes under <paramref name="reference"/> (a tag or digest); returns their digest.</summary>
    public async Task<string> PushManifestAsync(string repository, string reference, string mediaType, byte[] body)
    {
        using var put = Request(HttpMethod.Put, repository, $"v2/{repository}/manifests/{reference}");
        put.Content = new ByteArrayContent(body);
        put.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await _http.SendAsync(put);
        await EnsureAsync(response, $"pushing the manifest {repository}:{reference}");
        return Digest(body);
    }

    /// <summary>A Helm chart artifact for <paramref name="version"/> (a real chart archive with its Chart.yaml), tagged as Helm tags it (<c>+</c> → <c>_</c>).</summary>
    public Task<string> PushHelmChartAsync(string repository, string version) =>
        PushChartAsync(repository, new Charts.ChartPackage(repository.Split('/')[^1], version));

    /// <summary>
    /// Pushes <paramref name="chart"/> as <c>helm push</c> does: the config (its Chart.yaml fields) and chart layer
    /// blobs, then the manifest under the version's tag; returns the manifest digest.
    /// </summary>
    public async Task<string> PushChartAsync(string repository, Charts.ChartPackage chart)
    {
        var configBytes = Json(
            new
            {
                apiVersion = "v2",
                name = chart.Name,
                version = chart.Version,
                appVersion = "v" + chart.Version,
            }
        );
        var config = await PushBlobAsync(repository, configBytes);
        var archive = chart.Pack();
        var layer = await PushBlobAsync(repository, archive);
        var manifest = Json(
            new
            {
                schemaVersion = 2,
                mediaType = OciMediaTypes.ImageManifest,
                config = new
                {
                    mediaType = OciMediaTypes.HelmConfig,
                    digest = config,
                    size = configBytes.Length,
                },
                layers = new[]
                {
                    new
                    {
                        mediaType = OciMediaTypes.HelmChartContent,
                        digest = layer,
                        size = archive.Length,
                    },
                },
            }
        );
        return await PushManifestAsync(
            repository,
            HelmOci.VersionToTag(chart.Version),
            OciMediaTypes.ImageManifest,
            manifest
        );
    }

    /// <summary>A one-platform image manifest (OCI, or Docker schema 2 when <paramref name="docker"/>) pushed under <paramref name="reference"/>.</summary>
    public async Task<(string Digest, int Size)> PushImageAsync(
        string repository,
        string reference,
        string architecture,
        bool docker = false
    )
    {
        var configBytes = Json(
            new
            {
                architecture,
                os = "linux",
                rootfs = new { type = "layers", diff_ids = Array.Empty<string>() },
            }
        );
        var layerBytes = Encoding.UTF8.GetBytes($"layer for {architecture}");
        var config = await PushBlobAsync(repository, configBytes);
        var layer = await PushBlobAsync(repository, layerBytes);
        var mediaType = docker ? OciMediaTypes.DockerManifest : OciMediaTypes.ImageManifest;
        var manifest = Json(
            new
            {
                schemaVersion = 2,
                mediaType,
                config = new
                {
                    mediaType = docker
                        ? "application/vnd.docker.container.image.v1+json"
                        : "application/vnd.oci.image.config.v1+json",
                    digest = config,
                    size = configBytes.Length,
                },
                layers = new[]
                {
                    new
                    {
                        mediaType = docker
                            ? "application/vnd.docker.image.rootfs.diff.tar.gzip"
                            : "application/vnd.oci.image.layer.v1.tar+gzip",
                        digest = layer,
                        size = layerBytes.Length,
                    },
                },
            }
        );
        var digest = await PushManifestAsync(repository, reference, mediaType, manifest);
        return (digest, manifest.Length);
    }

    /// <summary>A multi-arch index (OCI image index, or Docker manifest list) over fresh per-platform manifests.</summary>
    public async Task<(string IndexDigest, IReadOnlyList<string> PlatformDigests)> PushIndexAsync(
        string repository,
        string tag,
        bool docker,
        params string[] architectures
    )
    {
        var entries = new List<object>();
        var platformDigests = new List<string>();
        foreach (var architecture in architectures)
        {
            var (digest, size) = await PushImageAsync(repository, $"{tag}-{architecture}", architecture, docker);
            platformDigests.Add(digest);
            entries.Add(
                new
                {
                    mediaType = docker ? OciMediaTypes.DockerManifest : OciMediaTypes.ImageManifest,
                    digest,
                    size,
                    platform = new { architecture, os = "linux" },
                }
            );
        }

        var mediaType = docker ? OciMediaTypes.DockerManifestList : OciMediaTypes.ImageIndex;
        var index = Json(
            new
            {
                schemaVersion = 2,
                mediaType,
                manifests = entries,
            }
        );
        return (await PushManifestAsync(repository, tag, mediaType, index), platformDigests);
    }

    /// <summary>The exact bytes of a manifest, to push them again under another tag.</summary>
    public async Task<byte[]> GetManifestAsync(string repository, string reference)
    {
        using var get = Request(HttpMethod.Get, repository, $"v2/{repository}/manifests/{reference}");
        foreach (var mediaType in OciMediaTypes.Manifests)
            get.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        using var response = await _http.SendAsync(get);
        await EnsureAsync(response, $"reading the manifest {repository}:{reference}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string repository, string uri)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUri, uri));
        if (tokenFor is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokenFor(repository));
        return request;
    }

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"{what}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
            );
    }
}
