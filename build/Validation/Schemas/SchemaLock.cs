using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// The schemas a repository pins, like a package lock: <c>.nuke/schemas/lock.json</c> names each kind's schema
/// file (beside it), where it came from and its sha256. Validate reads it before any schema location, so a
/// repository whose lock covers every rendered kind validates with no network. Files are checked against their
/// checksums once, on first use.
/// </summary>
public sealed class SchemaLock
{
    public const string FolderPath = ".nuke/schemas";
    public const string FileName = "lock.json";
    public const string DisplayPath = FolderPath + "/" + FileName;
    public const string LockCommand = "./build.sh Schemas --lock";

    public static RuleDescriptor LockRule { get; } =
        new(
            "schema-lock",
            Severity.Error,
            "A pinned schema that no longer matches its checksum, or a lock made for another Kubernetes version, would check objects against the wrong schema.",
            "none: run " + LockCommand
        );

    public static RuleDescriptor UnlockedRule { get; } =
        new(
            "schema-unlocked",
            Severity.Error,
            "While a schema lock exists nothing is downloaded, so a kind the lock lacks is not checked at all.",
            "none: run " + LockCommand
        );

    /// <summary>What the lock's findings mean.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [LockRule, UnlockedRule];

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    private readonly Dictionary<string, SchemaLockEntry> _entries;
    private readonly string[] _lines;
    private readonly Lazy<Verification> _verification;

    public SchemaLock(string folder, string kubernetesVersion, IReadOnlyList<SchemaLockEntry> entries, string text)
    {
        Folder = folder;
        KubernetesVersion = kubernetesVersion;
        Entries = entries;
        _entries = entries.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last());
        _lines = text.Split('\n');
        _verification = new Lazy<Verification>(Verify);
    }

    public string Folder { get; }
    public string KubernetesVersion { get; }
    public IReadOnlyList<SchemaLockEntry> Entries { get; }

    /// <summary>Problems with the pinned files: a file missing or not matching its sha256.</summary>
    public IReadOnlyList<Finding> Problems => _verification.Value.Findings;

    public static string FolderIn(string repositoryRoot) => Path.Combine(repositoryRoot, ".nuke", "schemas");

    /// <summary>The lock of the repository, or null when it has none.</summary>
    /// <exception cref="BuildException">The lock file is not a valid lock (file:line, what to do).</exception>
    public static SchemaLock? Load(string repositoryRoot)
    {
        var folder = FolderIn(repositoryRoot);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        SchemaLockDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SchemaLockDocument>(text, Json);
        }
        catch (JsonException e)
        {
            throw new BuildException(
                $"{DisplayPath}:{(e.LineNumber ?? 0) + 1}: not a valid schema lock ({e.Message.Split(" Path:")[0]}). Run {LockCommand} to write it again."
            );
        }

        if (document?.KubernetesVersion is not { Length: > 0 } version || document.Schemas is null)
        {
            throw new BuildException(
                $"{DisplayPath}:1: a schema lock needs \"kubernetesVersion\" and \"schemas\". Run {LockCommand} to write it again."
            );
        }

        var bad = document.Schemas.FirstOrDefault(e =>
            e.ApiVersion is not { Length: > 0 }
            || e.Kind is not { Length: > 0 }
            || (e.File is not null && (e.Sha256 is null || !IsInside(folder, e.File)))
        );
        if (bad is not null)
        {
            throw new BuildException(
                $"{DisplayPath}: entry {bad.ApiVersion}/{bad.Kind} needs apiVersion, kind, and a file inside {FolderPath} with its sha256. Run {LockCommand} to write it again."
            );
        }

        return new SchemaLock(folder, version, document.Schemas, text);
    }

    public SchemaLockEntry? Find(string apiVersion, string kind) => _entries.GetValueOrDefault(apiVersion + "|" + kind);

    /// <summary>The verified text of an entry's file; null when it has none or the file is missing or altered.</summary>
    public string? TextOf(SchemaLockEntry entry) => _verification.Value.Texts.GetValueOrDefault(entry.Key);

    /// <summary>The entry names a file that is missing or does not match its checksum.</summary>
    public bool IsBroken(SchemaLockEntry entry) => _verification.Value.Broken.Contains(entry.Key);

    /// <summary>The location of an entry in the lock file (the line of its <c>"file"</c>, else of its kind).</summary>
    public SourceLocation LocationOf(SchemaLockEntry entry)
    {
        var needle = entry.File is null ? $"\"kind\": \"{entry.Kind}\"" : $"\"file\": \"{entry.File}\"";
        var index = Array.FindIndex(_lines, l => l.Contains(needle, StringComparison.Ordinal));
        return new SourceLocation(DisplayPath, index < 0 ? 1 : index + 1);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private Verification Verify()
    {
        var findings = new List<Finding>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in _entries.Values.Where(e => e.File is not null))
        {
            var path = Path.Combine(Folder, entry.File!);
            if (!File.Exists(path))
            {
                broken.Add(entry.Key);
                findings.Add(
                    Problem(
                        entry,
                        $"{FolderPath}/{entry.File}, the pinned schema of {entry.Kind} ({entry.ApiVersion}), is missing. Restore it from git, or run {LockCommand} to pin the schemas again."
                    )
                );
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            var actual = Sha256(bytes);
            if (!string.Equals(actual, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                broken.Add(entry.Key);
                findings.Add(
                    Problem(
                        entry,
                        $"{FolderPath}/{entry.File} does not match its sha256 in the lock (expected {entry.Sha256}, found {actual}): the pinned schema of {entry.Kind} ({entry.ApiVersion}) was changed. Restore it from git, or run {LockCommand} if the change is meant."
                    )
                );
                continue;
            }

            texts[entry.Key] = System.Text.Encoding.UTF8.GetString(bytes);
        }

        return new Verification(findings, texts, broken);
    }

    private Finding Problem(SchemaLockEntry entry, string message) => new(LockRule, message, LocationOf(entry));

    private static bool IsInside(string folder, string relative)
    {
        var full = Path.GetFullPath(relative, folder);
        return !Path.IsPathRooted(relative)
            && full.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private sealed record Verification(
        IReadOnlyList<Finding> Findings,
        IReadOnlyDictionary<string, string> Texts,
        IReadOnlySet<string> Broken
    );
}
