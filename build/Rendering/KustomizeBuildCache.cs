using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Rendering;

/// <summary>
/// kustomize build outputs on disk, one file per <see cref="BuildCacheKey"/>, shared by every run that uses the
/// same folder. Each entry starts with a header line holding the SHA-256 and length of the output that follows; an
/// entry whose header or checksum does not match (a torn write, a disk error, an edit) is deleted and rebuilt,
/// never trusted. Entries are written to a temporary file and renamed into place, so a reader (or a concurrent
/// run) sees a whole entry or none. A hit refreshes the entry's time; <see cref="Prune"/> deletes the least
/// recently used entries once the folder holds more than <see cref="LimitBytes"/>.
/// </summary>
public sealed class KustomizeBuildCache(string directory, long limitBytes = KustomizeBuildCache.DefaultLimitBytes)
{
    /// <summary>256 MiB: several thousand builds of a large repository.</summary>
    public const long DefaultLimitBytes = 256L * 1024 * 1024;

    private const string Magic = "kustomize-build-cache/1";
    private const string Extension = ".out";
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private int _hits;
    private int _misses;
    private int _corrupt;

    public string Directory { get; } = Path.GetFullPath(directory);

    public long LimitBytes { get; } = limitBytes;

    /// <summary>Entries found and trusted in this process.</summary>
    public int Hits => _hits;

    /// <summary>Look-ups that found no entry, or one that could not be trusted.</summary>
    public int Misses => _misses;

    /// <summary>Entries that failed their checksum and were deleted.</summary>
    public int Corrupt => _corrupt;

    /// <summary>
    /// What names <paramref name="kustomize"/> in a key: its <see cref="KustomizeCli.Identity"/> and the version it
    /// reports, asked once per binary and remembered beside the entries. Null when the tool does not say its
    /// version: then nothing is cached.
    /// </summary>
    public async Task<string?> ToolAsync(KustomizeCli kustomize, CancellationToken ct)
    {
        var identity = kustomize.Identity;
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        var path = Path.Combine(Directory, $"tool-{name}.version");
        var remembered = TryRead(path, count: false);
        if (remembered is null)
        {
            remembered = await kustomize.VersionAsync(ct).ConfigureAwait(false);
            if (remembered is null)
            {
                return null;
            }

            WriteFile(path, remembered);
        }

        return $"{identity}\n{remembered}";
    }

    /// <summary>The file that holds the entry of <paramref name="key"/>.</summary>
    public string EntryPath(string key) => Path.Combine(Directory, key[..2], key + Extension);

    /// <summary>The output stored under <paramref name="key"/>, or null when there is none or it fails its checksum.</summary>
    public string? TryRead(string key) => TryRead(EntryPath(key), count: true);

    /// <summary>Stores <paramref name="output"/> under <paramref name="key"/>; a cache that cannot be written is skipped, not an error.</summary>
    public void Write(string key, string output) => WriteFile(EntryPath(key), output);

    private string? TryRead(string path, bool count)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Count(ref _misses, count);
            return null;
        }

        if (Decode(bytes) is not { } output)
        {
            Count(ref _corrupt, count);
            Count(ref _misses, count);
            TryDelete(path);
            return null;
        }

        Count(ref _hits, count);
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }

        return output;
    }

    private static void Count(ref int counter, bool count)
    {
        if (count)
        {
            Interlocked.Increment(ref counter);
        }
    }

    private static void WriteFile(string path, string output)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, Encode(output));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Deletes the least recently used entries until the folder holds at most nine tenths of
    /// <see cref="LimitBytes"/> (when it holds more than the limit), and temporary files a crashed run left behind.
    /// Returns how many entries it deleted.
    /// </summary>
    public int Prune()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var entries = new List<FileInfo>();
        foreach (
            var file in new DirectoryInfo(Directory).EnumerateFiles(
                "*",
                new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }
            )
        )
        {
            if (file.Name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                if (DateTime.UtcNow - file.LastWriteTimeUtc > AbandonedAfter)
                {
                    TryDelete(file.FullName);
                }
            }
            else if (file.Name.EndsWith(Extension, StringComparison.Ordinal))
            {
                entries.Add(file);
            }
        }

        var total = entries.Sum(e => e.Length);
        if (total <= LimitBytes)
        {
            return 0;
        }

        var deleted = 0;
        foreach (var entry in entries.OrderBy(e => e.LastWriteTimeUtc).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            if (total <= LimitBytes / 10 * 9)
            {
                break;
            }

            if (TryDelete(entry.FullName))
            {
                total -= entry.Length;
                deleted++;
            }
        }

        return deleted;
    }

    internal static byte[] Encode(string output)
    {
        var payload = Encoding.UTF8.GetBytes(output);
        var header = Encoding.ASCII.GetBytes(
            $"{Magic} {Convert.ToHexStringLower(SHA256.HashData(payload))} {payload.Length.ToString(CultureInfo.InvariantCulture)}\n"
        );
        return [.. header, .. payload];
    }

    internal static string? Decode(byte[] bytes)
    {
        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline < 0)
        {
            return null;
        }

        var header = Encoding.ASCII.GetString(bytes, 0, newline).Split(' ');
        if (
            header.Length != 3
            || header[0] != Magic
            || !int.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length != bytes.Length - newline - 1
        )
        {
            return null;
        }

        var payload = bytes.AsSpan(newline + 1);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(payload)), header[1], StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
