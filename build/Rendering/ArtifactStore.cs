using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;

namespace GitOpsRunners.Rendering;

/// <summary>
/// The artifacts of one render, each made once under the scratch folder: this repository's working tree as
/// source-controller would archive it (the files Git would commit, less what <c>.sourceignore</c> and
/// <c>spec.ignore</c> leave out), and the ExternalArtifacts that ArtifactGenerators assemble. Maps any
/// scratch path back to the repository file it stands for.
/// </summary>
internal sealed class ArtifactStore(RepositoryLayout layout, string temporaryRoot)
{
    private readonly ConcurrentDictionary<string, Lazy<SourceArtifact>> _artifacts = new(StringComparer.Ordinal);
    private readonly Lock _exports = new();

    /// <summary>This checkout, archived with the GitRepository's <c>spec.ignore</c> (null when unset).</summary>
    public SourceArtifact Worktree(string? ignore) =>
        Get($"worktree\n{ignore}", id => Archive(id, layout.Root, WorktreeFiles(layout.Root), ignore, p => p, ""));

    /// <summary>
    /// <paramref name="revision"/> of this repository as source-controller would archive it; files show as
    /// <c>label:path</c> (Git's notation for a file at a revision).
    /// </summary>
    public SourceArtifact Revision(GitRevision revision, string? ignore) =>
        Get(
            $"revision\n{revision.Sha}\n{ignore}",
            id =>
            {
                var raw = Path.Combine(temporaryRoot, "g", revision.Sha!);
                lock (_exports)
                {
                    if (!Directory.Exists(raw))
                    {
                        GitHistory.Export(layout.Root, revision.Sha!, raw);
                    }
                }

                return Archive(id, raw, AllFiles(raw), ignore, p => $"{revision.Label}:{p}", $"{revision.Label}:");
            }
        );

    /// <summary>A folder assembled elsewhere (an ExternalArtifact) whose files map back through <paramref name="display"/>.</summary>
    public SourceArtifact Register(string id, string root, Func<string, string> display) =>
        Get(id, _ => new SourceArtifact(id, root, display));

    /// <summary>The repository file for a scratch path; null when the path is in no artifact.</summary>
    public string? Display(string fullPath)
    {
        foreach (var artifact in _artifacts.Values.Where(a => a.IsValueCreated).Select(a => a.Value))
        {
            if (artifact.RelativeOrNull(fullPath) is { } relative)
            {
                return artifact.Display(relative);
            }
        }

        return null;
    }

    /// <summary>Tool messages with scratch folders replaced by what they stand for.</summary>
    public string CleanMessage(string message)
    {
        foreach (var artifact in _artifacts.Values.Where(a => a.IsValueCreated).Select(a => a.Value))
        {
            message = message.Replace(artifact.Root + "/", artifact.MessagePrefix, StringComparison.Ordinal);
        }

        return message;
    }

    private SourceArtifact Get(string id, Func<string, SourceArtifact> create) =>
        _artifacts.GetOrAdd(id, key => new Lazy<SourceArtifact>(() => create(key))).Value;

    private SourceArtifact Archive(
        string id,
        string sourceRoot,
        (IReadOnlyList<string> Files, IReadOnlyList<string> Folders) entries,
        string? ignore,
        Func<string, string> display,
        string messagePrefix
    )
    {
        var root = Path.Combine(temporaryRoot, "a", Hash(id));
        var filter = SourceIgnore.ForSource(sourceRoot, entries.Files, ignore);
        Directory.CreateDirectory(root);
        foreach (var folder in entries.Folders.Where(f => !filter.IsIgnored(f, isDirectory: true)))
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        foreach (var file in entries.Files.Where(f => !filter.IsIgnored(f, isDirectory: false)))
        {
            var destination = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(sourceRoot, file), destination, overwrite: true);
        }

        return new SourceArtifact(id, root, display, messagePrefix);
    }

    /// <summary>
    /// Files and folders Git would put in a commit of this working tree: tracked ones and new ones that
    /// <c>.gitignore</c> does not exclude (every file when the folder is not in a Git repository, or is a folder
    /// that repository ignores, such as an exported copy under <c>.nuke/temp</c>).
    /// </summary>
    private static (IReadOnlyList<string> Files, IReadOnlyList<string> Folders) WorktreeFiles(string root)
    {
        var files = new List<string>();
        var folders = new List<string>();
        using var repository = OpenRepository(root);
        var workdir = repository?.Info.WorkingDirectory is { } w ? Path.GetFullPath(w) : null;
        if (repository is not null && workdir is not null && IgnoredByGit(Path.GetFullPath(root), isDirectory: true))
        {
            workdir = null;
        }

        Walk(root, "", 0);
        return (files, folders);

        void Walk(string directory, string relative, int depth)
        {
            if (depth > 64)
            {
                return;
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(entry);
                var path = relative.Length == 0 ? name : $"{relative}/{name}";
                var isDirectory = Directory.Exists(entry);
                // Flux's artifact archive keeps only regular files and folders ("Ignore anything that is not a
                // file or directories e.g. symlinks", fluxcd/pkg artifact/storage Archive): links are never followed.
                if (name == ".git" || Manifests.SymbolicLinks.IsLink(entry) || IgnoredByGit(entry, isDirectory))
                {
                    continue;
                }

                if (isDirectory)
                {
                    folders.Add(path);
                    Walk(entry, path, depth + 1);
                }
                else if (File.Exists(entry))
                {
                    files.Add(path);
                }
            }
        }

        bool IgnoredByGit(string fullPath, bool isDirectory)
        {
            if (repository is null || workdir is null)
            {
                return false;
            }

            var inRepository = Path.GetRelativePath(workdir, fullPath).Replace('\\', '/');
            if (inRepository is "." or ".." || inRepository.StartsWith("../", StringComparison.Ordinal))
            {
                return false;
            }

            return repository.Ignore.IsPathIgnored(isDirectory ? inRepository + "/" : inRepository)
                && (isDirectory || repository.Index[inRepository] is null);
        }
    }

    private static (IReadOnlyList<string> Files, IReadOnlyList<string> Folders) AllFiles(string root)
    {
        var noLinks = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
        };
        var files = Directory
            .EnumerateFiles(root, "*", noLinks)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var folders = Directory
            .EnumerateDirectories(root, "*", noLinks)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToList();
        return (files, folders);
    }

    private static Repository? OpenRepository(string root)
    {
        try
        {
            return Repository.Discover(root) is { } gitDirectory ? new Repository(gitDirectory) : null;
        }
        catch (RepositoryNotFoundException)
        {
            return null;
        }
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
