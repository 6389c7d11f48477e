using System.Security.Cryptography;
using System.Text;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>Downloaded schemas on disk, one file per URL (named by the URL's SHA-256).</summary>
public sealed class SchemaDiskCache(string directory)
{
    public string Directory { get; } = directory;

    public string PathFor(string url)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));
        return Path.Combine(Directory, hash + ".json");
    }

    public async Task<string?> TryReadAsync(string url, CancellationToken ct)
    {
        var path = PathFor(url);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, ct).ConfigureAwait(false) : null;
    }

    public async Task WriteAsync(string url, string content, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathFor(url);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        await File.WriteAllTextAsync(temporary, content, ct).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
