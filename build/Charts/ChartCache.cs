using System.Security.Cryptography;
using System.Text;

namespace GitOpsRunners.Charts;

/// <summary>
/// Chart archives kept by digest under the build's own cache folder (<c>charts/sha256/&lt;hex&gt;.tgz</c>), and which
/// digest each chart reference last resolved to (<c>charts/refs/</c>), so that a chart fetched once is found again
/// offline. Writes go through a temporary file and a move, so a reader never sees half a file.
/// </summary>
public sealed class ChartCache(string cacheDirectory)
{
    private readonly string _folder = Path.Combine(cacheDirectory, "charts");

    /// <summary>The archive with <paramref name="digest"/>, checked against it; null when absent or altered.</summary>
    public byte[]? Find(string digest)
    {
        var path = BlobPath(digest);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            return Versions.Registries.OciRegistryClient.Sha256(bytes) == digest ? bytes : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The digest <paramref name="key"/> last resolved to, and its archive; null when either is missing.</summary>
    public (string Digest, byte[] Archive)? Recall(string key)
    {
        try
        {
            var path = RefPath(key);
            return
                File.Exists(path)
                && File.ReadAllText(path).Trim() is { Length: > 0 } digest
                && Find(digest) is { } bytes
                ? (digest, bytes)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Keeps <paramref name="archive"/> under its digest and remembers that <paramref name="key"/> resolved to it.</summary>
    public void Store(string key, string digest, byte[] archive)
    {
        try
        {
            if (BlobPath(digest) is { } blob && !File.Exists(blob))
            {
                Write(blob, archive);
            }

            Write(RefPath(key), Encoding.UTF8.GetBytes(digest + "\n"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs a download next time.
        }
    }

    private string? BlobPath(string digest) =>
        digest.StartsWith("sha256:", StringComparison.Ordinal)
        && digest.Length == 71
        && digest[7..].All(char.IsAsciiHexDigitLower)
            ? Path.Combine(_folder, "sha256", digest[7..] + ".tgz")
            : null;

    private string RefPath(string key) =>
        Path.Combine(_folder, "refs", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));

    private static void Write(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
