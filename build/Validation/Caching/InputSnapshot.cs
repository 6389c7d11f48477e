using System.Security.Cryptography;

namespace GitOpsRunners.Validation.Caching;

/// <summary>
/// Every file under a repository root that a Validate run can read, hashed: the whole tree (a Flux Kustomization
/// may point anywhere in it), the git refs (a GitRepository may name another revision of this repository), but not
/// git's object store (immutable and named by the refs) nor the build's own caches. A file whose size and write
/// time equal those of a snapshot taken well after that write is not read again (git's rule for its index: a
/// write too close to the earlier snapshot could have been missed by the clock, so such a file is hashed anew).
/// </summary>
public sealed record InputSnapshot(DateTime TakenUtc, IReadOnlyList<InputFile> Files)
{
    /// <summary>How close to a snapshot a write must be for its size and time not to be trusted.</summary>
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The files under <paramref name="root"/> now, reusing the hashes of <paramref name="previous"/> where size and
    /// write time still match. Folders in <paramref name="excluded"/> (absolute) are left out.
    /// </summary>
    public static InputSnapshot Take(string root, IReadOnlyCollection<string> excluded, InputSnapshot? previous)
    {
        var taken = DateTime.UtcNow;
        var known = previous?.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var trustedBefore = previous is null ? DateTime.MinValue : previous.TakenUtc - RacyWindow;
        var files = new List<InputFile>();
        foreach (var file in Enumerate(Path.GetFullPath(root), excluded))
        {
            var relative = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            var modified = file.LastWriteTimeUtc;
            if (
                known is not null
                && known.TryGetValue(relative, out var before)
                && before.Length == file.Length
                && before.ModifiedTicks == modified.Ticks
                && modified < trustedBefore
            )
            {
                files.Add(before);
                continue;
            }

            if (Hash(file.FullName) is { } sha)
            {
                files.Add(new InputFile(relative, file.Length, modified.Ticks, sha));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new InputSnapshot(taken, files);
    }

    /// <summary>True when both snapshots hold the same files with the same bytes.</summary>
    public bool SameContentAs(InputSnapshot other) =>
        Files.Count == other.Files.Count
        && Files.Zip(other.Files).All(p => p.First.Path == p.Second.Path && p.First.Sha256 == p.Second.Sha256);

    private static IEnumerable<FileInfo> Enumerate(string root, IReadOnlyCollection<string> excluded)
    {
        var skipped = excluded.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = directory.EnumerateFileSystemInfos().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo sub)
                {
                    if (sub.Name == ".git" && directory.FullName == root)
                    {
                        foreach (var reference in GitRefs(sub))
                        {
                            yield return reference;
                        }
                    }
                    else if (!skipped.Contains(sub.FullName) && sub.LinkTarget is null)
                    {
                        pending.Push(sub);
                    }
                }
                else if (entry is FileInfo file)
                {
                    yield return file;
                    if (file.Name == ".git" && directory.FullName == root)
                    {
                        foreach (var reference in LinkedGitRefs(file))
                        {
                            yield return reference;
                        }
                    }
                }
            }
        }
    }

    /// <summary>HEAD, packed-refs and every file under refs/ of a repository's git folder.</summary>
    private static IEnumerable<FileInfo> GitRefs(DirectoryInfo git)
    {
        foreach (var name in new[] { "HEAD", "packed-refs" })
        {
            var file = new FileInfo(Path.Combine(git.FullName, name));
            if (file.Exists)
            {
                yield return file;
            }
        }

        var refs = new DirectoryInfo(Path.Combine(git.FullName, "refs"));
        if (refs.Exists)
        {
            foreach (
                var file in refs.EnumerateFiles(
                    "*",
                    new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }
                )
            )
            {
                yield return file;
            }
        }
    }

    /// <summary>The refs of a worktree whose <c>.git</c> file points at its git folder (and that folder's common one).</summary>
    private static IEnumerable<FileInfo> LinkedGitRefs(FileInfo pointer)
    {
        string? line;
        try
        {
            line = File.ReadLines(pointer.FullName).FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        if (line is null || !line.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            yield break;
        }

        var git = new DirectoryInfo(Path.GetFullPath(line["gitdir:".Length..].Trim(), pointer.DirectoryName!));
        foreach (var file in GitRefs(git))
        {
            yield return file;
        }

        var common = Path.Combine(git.FullName, "commondir");
        if (File.Exists(common))
        {
            var shared = new DirectoryInfo(Path.GetFullPath(File.ReadAllText(common).Trim(), git.FullName));
            foreach (var file in GitRefs(shared))
            {
                yield return file;
            }
        }
    }

    private static string? Hash(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
