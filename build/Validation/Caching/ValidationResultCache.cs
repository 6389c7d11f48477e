using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation.Reports;

namespace GitOpsRunners.Validation.Caching;

/// <summary>
/// Whole Validate answers, reused when nothing a run could read has changed: the key names how the run was asked
/// (options, the build's own code, the kustomize binary and version), and each entry carries the
/// <see cref="InputSnapshot"/> of the repository taken before its run and the outside files it read; an entry
/// whose inputs differ from today's in a single byte is not used. Only answers that came from local files alone
/// are stored (the caller leaves out runs that asked the network). Entries live in a
/// <see cref="KustomizeBuildCache"/> store, so they are checksummed, written atomically and pruned alike.
/// </summary>
public sealed class ValidationResultCache(
    KustomizeBuildCache store,
    string repositoryRoot,
    IReadOnlyCollection<string> excluded
)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>A key over every part that names how a run is asked.</summary>
    public static string Key(IEnumerable<string> parts)
    {
        var text = string.Join("\n\u0000", ["validate-result/1", .. parts]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// The stored report of <paramref name="key"/> when no input changed (with <see cref="ValidationTimings.ReusedAnswer"/>
    /// and no rendered clusters), else the result of <paramref name="validate"/>, given a <see cref="NetworkUse"/> for
    /// its HTTP clients and a <see cref="ReadLog"/> for its schema reads; that result is stored unless it asked the
    /// network.
    /// </summary>
    public async Task<ValidationResult> ValidateAsync(
        string key,
        Func<NetworkUse, ReadLog, Task<ValidationResult>> validate
    )
    {
        var clock = Stopwatch.StartNew();
        var (stored, snapshot) = Lookup(key);
        if (stored is not null)
        {
            return new ValidationResult(stored, [], ValidationTimings.Reused(clock.Elapsed));
        }

        var network = new NetworkUse();
        var reads = new ReadLog();
        var result = await validate(network, reads).ConfigureAwait(false);
        if (network.Requests == 0)
        {
            Store(key, snapshot, reads, result.Report);
        }

        return result;
    }

    /// <summary>
    /// The stored report for <paramref name="key"/> when its inputs are today's, else null; either way the snapshot
    /// of the repository as it is now, for <see cref="Store"/> after a run.
    /// </summary>
    private (ValidationReport? Report, InputSnapshot Snapshot) Lookup(string key)
    {
        var entry = Read<CachedValidation>(
            key,
            e => e is { Files: not null, External: not null, Clusters: not null, Findings: not null }
        );
        var previous = entry is null ? null : new InputSnapshot(entry.TakenUtc, entry.Files);
        // The latest snapshot of this repository, stored or not, saves hashing files whose size and time still match.
        var indexKey = Key(["snapshot", repositoryRoot]);
        var index = Read<InputSnapshot>(indexKey, i => i.Files is not null);
        var snapshot = InputSnapshot.Take(repositoryRoot, excluded, index ?? previous);
        if (index is null || !index.Files.SequenceEqual(snapshot.Files))
        {
            store.Write(indexKey, JsonSerializer.Serialize(snapshot, Json));
        }

        if (entry is null || !snapshot.SameContentAs(previous!) || !entry.External.All(Unchanged))
        {
            return (null, snapshot);
        }

        return (new ValidationReport(entry.Clusters, entry.ObjectCount, entry.Findings, entry.Rules), snapshot);
    }

    /// <summary>Stores <paramref name="report"/>, computed from <paramref name="snapshot"/> and the outside files in <paramref name="reads"/>.</summary>
    private void Store(string key, InputSnapshot snapshot, ReadLog reads, ValidationReport report)
    {
        var entry = new CachedValidation(
            snapshot.TakenUtc,
            snapshot.Files,
            [.. reads.Reads.Select(r => new InputFile(r.Key, 0, 0, r.Value))],
            report.Clusters,
            report.ObjectCount,
            report.Findings,
            report.Rules
        );
        store.Write(key, JsonSerializer.Serialize(entry, Json));
        store.Prune();
    }

    /// <summary>The entry under <paramref name="key"/>, or null when there is none, it fails its checksum, or it is not <paramref name="whole"/> (another shape).</summary>
    private T? Read<T>(string key, Func<T, bool> whole)
        where T : class
    {
        if (store.TryRead(key) is not { } text)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, Json) is { } value && whole(value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Unchanged(InputFile read)
    {
        try
        {
            return read.Sha256 is null
                ? !File.Exists(read.Path)
                : File.Exists(read.Path)
                    && ReadLog.Hash(Encoding.UTF8.GetBytes(File.ReadAllText(read.Path))) == read.Sha256;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
