using System.Security.Cryptography;

namespace GitOpsRunners.Versions.Registries;

/// <summary>Pulling content: a manifest by tag or digest, and a blob by digest, each checked against its digest.</summary>
public sealed partial class OciRegistryClient
{
    /// <summary>
    /// The manifest <paramref name="reference"/> (a tag or <c>sha256:…</c>) names in <paramref name="repository"/>, as
    /// exact bytes with the digest they hash to (the caller compares it with a pinned digest and says what a mismatch means).
    /// </summary>
    public async Task<(byte[] Body, string Digest, string? MediaType)> GetManifestAsync(
        OciReference repository,
        string reference,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(reference);
        var action =
            $"pulling the manifest {repository.WithoutVersion()}{(reference.Contains(':', StringComparison.Ordinal) ? "@" : ":")}{reference}";
        var uri = new Uri(repository.BaseUri, $"v2/{repository.Repository}/manifests/{reference}");
        using var response = await SendAsync(repository, HttpMethod.Get, uri, acceptManifests: true, action, ct);
        if (!response.IsSuccessStatusCode)
            throw await FailureAsync(response, repository, action, reference, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        return (body, Sha256(body), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The blob <paramref name="digest"/> of <paramref name="repository"/>; the bytes are not checked here (the caller says what a mismatch means).</summary>
    public async Task<byte[]> GetBlobAsync(OciReference repository, string digest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(digest);
        var action = $"pulling the blob {digest} of {repository.WithoutVersion()}";
        var uri = new Uri(repository.BaseUri, $"v2/{repository.Repository}/blobs/{digest}");
        using var response = await SendAsync(repository, HttpMethod.Get, uri, acceptManifests: false, action, ct);
        if (!response.IsSuccessStatusCode)
            throw await FailureAsync(response, repository, action, null, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary><c>sha256:</c> and the lowercase hex of the SHA-256 of <paramref name="content"/>.</summary>
    public static string Sha256(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
