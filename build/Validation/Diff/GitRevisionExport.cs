using GitOpsRunners.Engine;
using LibGit2Sharp;

namespace GitOpsRunners.Validation.Diff;

/// <summary>Writes the files of a commit into a folder (no checkout, no change to the working tree or branch).</summary>
public static class GitRevisionExport
{
    /// <summary>
    /// Resolves <paramref name="revision"/>; when null, the merge-base of HEAD with <c>origin/main</c>
    /// (or <c>origin/master</c>), else HEAD itself.
    /// </summary>
    public static (string Sha, string Description) Resolve(string repositoryRoot, string? revision)
    {
        using var repository = Open(repositoryRoot);
        if (revision is not null)
        {
            var commit =
                repository.Lookup<Commit>(revision)
                ?? throw new UsageException($"--base {revision}: no such commit, branch or tag in {repositoryRoot}.");
            return (commit.Sha, revision);
        }

        var head =
            repository.Head.Tip
            ?? throw new BuildException("The repository has no commits yet; there is nothing to diff against.");
        foreach (var remote in new[] { "origin/main", "origin/master" })
        {
            if (
                repository.Branches[remote]?.Tip is { } tip
                && repository.ObjectDatabase.FindMergeBase(head, tip) is { } mergeBase
            )
            {
                return (mergeBase.Sha, $"merge-base with {remote}");
            }
        }

        return (head.Sha, "HEAD");
    }

    public static void Export(string repositoryRoot, string sha, string destination, CancellationToken ct)
    {
        using var repository = Open(repositoryRoot);
        var commit = repository.Lookup<Commit>(sha) ?? throw new BuildException($"Commit {sha} not found.");
        Write(commit.Tree, destination, ct);
    }

    private static void Write(Tree tree, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        foreach (var entry in tree)
        {
            ct.ThrowIfCancellationRequested();
            var path = Path.Combine(folder, entry.Name);
            switch (entry.TargetType)
            {
                case TreeEntryTargetType.Tree:
                    Write((Tree)entry.Target, path, ct);
                    break;
                case TreeEntryTargetType.Blob when entry.Mode != Mode.SymbolicLink:
                    using (var content = ((Blob)entry.Target).GetContentStream())
                    using (var file = File.Create(path))
                    {
                        content.CopyTo(file);
                    }

                    break;
            }
        }
    }

    private static Repository Open(string root)
    {
        try
        {
            return new Repository(root);
        }
        catch (RepositoryNotFoundException)
        {
            throw new BuildException($"{root} is not a git repository; Diff compares against a git revision.");
        }
    }
}
