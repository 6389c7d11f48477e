using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace GitOpsRunners.Validation.Caching;

/// <summary>
/// The files outside the repository that a run read (local schema locations, downloaded schemas kept on disk),
/// each with a SHA-256 of the text it got, or null when the file was looked for and not found.
/// </summary>
public sealed class ReadLog
{
    private readonly ConcurrentDictionary<string, string?> _reads = new(StringComparer.Ordinal);

    public void Read(string path, string? text) =>
        _reads[Path.GetFullPath(path)] = text is null ? null : Hash(Encoding.UTF8.GetBytes(text));

    /// <summary>Every file read, by absolute path, in ordinal order.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Reads =>
        [.. _reads.OrderBy(r => r.Key, StringComparer.Ordinal)];

    internal static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
