using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Builds an ExternalArtifact the way source-watcher's <c>internal/builder/builder.go</c> does, once per distinct
/// set of copy operations, and remembers which source file each copied file came from. Operations run in order
/// and later ones overwrite earlier ones, with cp-like rules: a plain folder is copied as a sub-folder that keeps
/// its name (<c>applySingleDirectoryCopy</c>); a file goes to <c>to</c>, or into it when <c>to</c> ends in '/' or
/// is a folder already; a glob is matched with Go's <c>fs.Glob</c> (one segment per <c>*</c>, <c>**</c> too),
/// <c>dir/**</c> drops <c>dir/</c> and other globs keep the matched path (<c>calculateGlobDestination</c>);
/// <c>exclude</c> patterns match the source path and the path below the literal prefix, and names alone for a
/// pattern without '/'. The staging folder is archived with Flux's default ignore patterns.
/// </summary>
internal sealed class ArtifactAssembler(string temporaryRoot, ConcurrentDictionary<string, string> copiedFrom)
{
    private readonly ConcurrentDictionary<string, Lazy<(string? Root, string? Error)>> _trees = new(
        StringComparer.Ordinal
    );

    /// <summary>The assembled folder, or the error source-watcher would report for the first failing copy.</summary>
    public (string? Root, string? Error) Assemble(IReadOnlyList<ArtifactCopy> copies)
    {
        var key = string.Join('\n', copies.Select(c => c.Key));
        return _trees.GetOrAdd(key, k => new Lazy<(string?, string?)>(() => Build(k, copies))).Value;
    }

    private (string? Root, string? Error) Build(string key, IReadOnlyList<ArtifactCopy> copies)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        var staging = Path.Combine(temporaryRoot, "x", hash, "staging");
        var root = Path.Combine(temporaryRoot, "x", hash, "artifact");
        Directory.CreateDirectory(staging);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var copy in copies)
        {
            if (Apply(copy, staging, sources) is { } error)
            {
                return (null, $"failed to apply copy operation from '{copy.Pattern}' to '{copy.To}': {error}");
            }
        }

        foreach (var (relative, source) in sources)
        {
            if (SourceIgnore.Defaults.IsIgnored(relative, isDirectory: false))
            {
                continue;
            }

            var target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(staging, relative), target, overwrite: true);
            copiedFrom[target] = source;
        }

        Directory.CreateDirectory(root);
        return (root, null);
    }

    private static string? Apply(ArtifactCopy copy, string staging, Dictionary<string, string> sources)
    {
        if (copy.Strategy is { Length: > 0 } strategy && strategy != "Overwrite")
        {
            return $"the {strategy} strategy is not rendered offline";
        }

        var destination = Clean(copy.To);
        var pattern = copy.Pattern;
        if (pattern.IndexOfAny(['*', '?', '[', ']']) < 0)
        {
            var path = Clean(pattern);
            var full = Path.Combine(copy.SourceRoot, path);
            if (Directory.Exists(full))
            {
                var name = path == "." ? "." : Path.GetFileName(path);
                CopyDirectory(copy, path, Clean(Path.Combine(destination, name)), path, staging, sources);
                return null;
            }

            if (!File.Exists(full))
            {
                return $"source '{path}' does not exist";
            }

            if (Excluded(path, ".", copy.Exclude))
            {
                return null;
            }

            var target =
                copy.To.EndsWith('/') || Directory.Exists(Path.Combine(staging, destination))
                    ? Clean(Path.Combine(destination, Path.GetFileName(path)))
                    : destination;
            CopyFile(copy, path, target, staging, sources);
            return null;
        }

        var matches = Glob(copy.SourceRoot, pattern);
        if (matches.Count == 0)
        {
            return $"no files match pattern '{pattern}' in source";
        }

        var selectionRoot = SelectionRoot(pattern);
        var kept = matches.Where(m => m is not "." and not ".." && !Excluded(m, selectionRoot, copy.Exclude)).ToList();
        if (kept.Count == 0)
        {
            return $"all files matching pattern '{pattern}' in source were excluded";
        }

        foreach (var match in kept)
        {
            var target = GlobDestination(pattern, match, destination);
            if (Directory.Exists(Path.Combine(copy.SourceRoot, match)))
            {
                CopyDirectory(copy, match, target, selectionRoot, staging, sources);
            }
            else
            {
                CopyFile(copy, match, target, staging, sources);
            }
        }

        return null;
    }

    private static void CopyDirectory(
        ArtifactCopy copy,
        string path,
        string target,
        string excludeBase,
        string staging,
        Dictionary<string, string> sources
    )
    {
        Directory.CreateDirectory(Path.Combine(staging, target));
        var start = Path.Combine(copy.SourceRoot, path);
        foreach (var entry in Directory.EnumerateFileSystemEntries(start).Order(StringComparer.Ordinal))
        {
            var relative = Clean(Path.Combine(path, Path.GetFileName(entry)));
            if (Excluded(relative, excludeBase, copy.Exclude))
            {
                continue;
            }

            var destination = Clean(Path.Combine(target, Path.GetFileName(entry)));
            if (Directory.Exists(entry))
            {
                CopyDirectory(copy, relative, destination, excludeBase, staging, sources);
            }
            else
            {
                CopyFile(copy, relative, destination, staging, sources);
            }
        }
    }

    private static void CopyFile(
        ArtifactCopy copy,
        string path,
        string target,
        string staging,
        Dictionary<string, string> sources
    )
    {
        var destination = Path.GetFullPath(Path.Combine(staging, target));
        if (!destination.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(Path.Combine(copy.SourceRoot, path), destination, overwrite: true);
        sources[Path.GetRelativePath(staging, destination).Replace('\\', '/')] = Path.Combine(copy.SourceRoot, path);
    }

    /// <summary>Go's <c>io/fs.Glob</c>: matches per segment, sorted by name within each folder.</summary>
    private static List<string> Glob(string root, string pattern)
    {
        if (pattern.IndexOfAny(['*', '?', '[']) < 0)
        {
            return Path.Exists(Path.Combine(root, pattern)) ? [pattern] : [];
        }

        var slash = pattern.LastIndexOf('/');
        var (directory, file) =
            slash < 0 ? (".", pattern) : (pattern[..slash] is { Length: > 0 } d ? d : ".", pattern[(slash + 1)..]);
        var directories = directory.IndexOfAny(['*', '?', '[']) < 0 ? [directory] : Glob(root, directory);
        var matches = new List<string>();
        foreach (var folder in directories)
        {
            var full = Path.Combine(root, folder);
            if (!Directory.Exists(full))
            {
                continue;
            }

            matches.AddRange(
                Directory
                    .EnumerateFileSystemEntries(full)
                    .Select(Path.GetFileName)
                    .OfType<string>()
                    .Order(StringComparer.Ordinal)
                    .Where(n => GoPathMatch.Match(file, n))
                    .Select(n => folder == "." ? n : $"{folder}/{n}")
            );
        }

        return matches;
    }

    private static string GlobDestination(string pattern, string match, string destination)
    {
        if (pattern.EndsWith("/**", StringComparison.Ordinal))
        {
            var prefix = pattern[..^3] + "/";
            if (match.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Clean(Path.Combine(destination, match[prefix.Length..]));
            }
        }

        return Clean(Path.Combine(destination, match));
    }

    private static string SelectionRoot(string pattern)
    {
        var parts = Clean(pattern).Split('/').TakeWhile(p => p.IndexOfAny(['*', '?', '[', ']']) < 0).ToList();
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    /// <summary><c>shouldExcludePath</c>.</summary>
    private static bool Excluded(string path, string basePath, IReadOnlyList<string> patterns)
    {
        if (Matches(path, patterns))
        {
            return true;
        }

        var relative =
            basePath is "." or "" ? path
            : path.StartsWith(basePath + "/", StringComparison.Ordinal) ? path[(basePath.Length + 1)..]
            : null;
        return relative is not null && relative != path && Matches(relative, patterns);
    }

    private static bool Matches(string path, IReadOnlyList<string> patterns) =>
        patterns.Any(p =>
            GlobPattern.ToRegex(p).IsMatch(path)
            || (!p.Contains('/', StringComparison.Ordinal) && GlobPattern.ToRegex(p).IsMatch(Path.GetFileName(path)))
        );

    /// <summary><c>filepath.Clean</c> for relative '/'-separated paths ("" becomes ".").</summary>
    private static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? "." : string.Join('/', parts);
    }
}
