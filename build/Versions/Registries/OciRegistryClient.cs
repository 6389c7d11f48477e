using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Reads tags and manifest digests from an OCI distribution registry (ghcr.io, Docker Hub, ACR, a
/// loopback <c>registry:2</c>). Anonymous bearer tokens are fetched on demand; credentials come from
/// <paramref name="credentials"/> (default: the process environment, see <see cref="RegistryCredentialStore"/>).
/// Give it a client from <see cref="RegistryHttp.CreateClient"/> so calls are retried.
/// </summary>
public sealed partial class OciRegistryClient(
    HttpClient http,
    RegistryCredentialStore? credentials = null,
    int tagPageSize = 1000,
    TimeProvider? time = null
)
{
    private const int MaxPages = 10_000;

    private readonly int _pageSize =
        tagPageSize > 0
            ? tagPageSize
            : throw new ArgumentOutOfRangeException(
                nameof(tagPageSize),
                tagPageSize,
                "A tag page holds at least one tag."
            );

    private readonly OciAuthenticator _auth = new(
        http,
        credentials ?? RegistryCredentialStore.FromEnvironment(),
        time ?? TimeProvider.System
    );

    /// <summary>
    /// Every tag of <paramref name="repository"/>, following each <c>Link: rel="next"</c> page, in the order
    /// the registry sent them (registries differ: sort them with <see cref="VersionTags"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(OciReference repository, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var tags = new List<string>();
        var seenTags = new HashSet<string>(StringComparer.Ordinal);
        var seenPages = new HashSet<string>(StringComparer.Ordinal);
        var action = $"listing the tags of {repository.WithoutVersion()}";
        Uri? page = new(repository.BaseUri, $"v2/{repository.Repository}/tags/list?n={_pageSize}");

        while (page is not null)
        {
            if (!seenPages.Add(page.AbsoluteUri) || seenPages.Count > MaxPages)
                throw new RegistryException(
                    repository.Registry,
                    $"{repository.Registry}: {action} did not finish: the registry's Link pages loop back to {page.PathAndQuery}."
                );

            using var response = await SendAsync(repository, HttpMethod.Get, page, acceptManifests: false, action, ct);
            if (!response.IsSuccessStatusCode)
                throw await FailureAsync(response, repository, action, null, ct);

            foreach (var tag in await ReadTagsAsync(response, repository, action, ct))
            {
                if (seenTags.Add(tag))
                    tags.Add(tag);
            }

            page = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.Next(links, page) : null;
            if (page is not null && !LinkHeader.IsSameOrigin(page, repository.BaseUri))
                throw new RegistryException(
                    repository.Registry,
                    $"{repository.Registry}: {action}: refusing to follow a next-page link to another origin ({page.GetLeftPart(UriPartial.Authority)})."
                );
        }

        return tags;
    }

    /// <summary>
    /// The manifest digest (<c>sha256:…</c>) <paramref name="tag"/> points to, as a pull by tag resolves it:
    /// for a multi-arch image that is the index digest. Uses HEAD and <c>Docker-Content-Digest</c>; when a
    /// registry leaves that header out, GETs the manifest and hashes the exact bytes.
    /// </summary>
    public async Task<string> ResolveDigestAsync(OciReference image, string tag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(tag);
        if (!OciReference.TagPattern().IsMatch(tag) && !OciReference.DigestPattern().IsMatch(tag))
            throw new BuildException(
                $"'{tag}' is not a valid tag for {image.WithoutVersion()}: tags are up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'."
            );

        var action = $"resolving {image.WithoutVersion()}:{tag}";
        var manifest = new Uri(image.BaseUri, $"v2/{image.Repository}/manifests/{tag}");
        using (var head = await SendAsync(image, HttpMethod.Head, manifest, acceptManifests: true, action, ct))
        {
            if (!head.IsSuccessStatusCode)
                throw await FailureAsync(head, image, action, tag, ct);
            if (
                head.Headers.TryGetValues("Docker-Content-Digest", out var values)
                && values.FirstOrDefault() is { Length: > 0 } digest
            )
            {
                return OciReference.DigestPattern().IsMatch(digest)
                    ? digest
                    : throw new RegistryException(
                        image.Registry,
                        $"{image.Registry}: {action}: the registry sent Docker-Content-Digest '{digest}', which is not algorithm:hex."
                    );
            }
        }

        using var get = await SendAsync(image, HttpMethod.Get, manifest, acceptManifests: true, action, ct);
        if (!get.IsSuccessStatusCode)
            throw await FailureAsync(get, image, action, tag, ct);
        var body = await get.Content.ReadAsByteArrayAsync(ct);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
    }

    private async Task<HttpResponseMessage> SendAsync(
        OciReference repository,
        HttpMethod method,
        Uri uri,
        bool acceptManifests,
        string action,
        CancellationToken ct
    )
    {
        var scope = $"repository:{repository.Repository}:pull";
        var authorization = _auth.Cached(repository.Registry, scope);
        var challenged = false;
        while (true)
        {
            var request = new HttpRequestMessage(method, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (acceptManifests)
            {
                request.Headers.Accept.Clear();
                foreach (var mediaType in OciMediaTypes.Manifests)
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
            }

            request.Headers.Authorization = authorization;
            var response = await RegistrySender.SendAsync(http, request, repository.Registry, action, ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized || challenged)
                return response;
            var challenge = AuthChallenge.Select(response.Headers.WwwAuthenticate);
            if (challenge is null)
                return response;

            response.Dispose();
            challenged = true;
            _auth.Forget(repository.Registry, scope);
            authorization = await _auth.AuthorizeAsync(repository, challenge, scope, ct);
        }
    }

    private async Task<RegistryException> FailureAsync(
        HttpResponseMessage response,
        OciReference repository,
        string action,
        string? tag,
        CancellationToken ct
    )
    {
        var name = repository.WithoutVersion();
        string? hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => (
                _auth.CredentialsFor(repository.Registry) is { } used
                    ? $"The registry refused the credentials from {used.Source}"
                    : "The registry refused anonymous access"
            )
                + $"; set {RegistryCredentialStore.Describe(repository.Registry)} to a user and token that may pull {name}.",
            HttpStatusCode.NotFound when tag is not null => $"Check that {name} has the tag '{tag}'.",
            HttpStatusCode.NotFound =>
                $"The repository {name} does not exist (or is hidden from these credentials); check its name.",
            _ => null,
        };
        return await RegistrySender.FailureAsync(response, repository.Registry, action, hint, ct);
    }

    private static async Task<IReadOnlyList<string>> ReadTagsAsync(
        HttpResponseMessage response,
        OciReference repository,
        string action,
        CancellationToken ct
    )
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                throw new JsonException("not an object");
            if (!json.RootElement.TryGetProperty("tags", out var tags) || tags.ValueKind == JsonValueKind.Null)
                return [];
            return tags.EnumerateArray().Select(t => t.GetString()).OfType<string>().ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new RegistryException(
                repository.Registry,
                $"{repository.Registry}: {action}: the answer is not a tag list ({{\"name\":…,\"tags\":[…]}}): {ex.Message}",
                inner: ex
            );
        }
    }
}
