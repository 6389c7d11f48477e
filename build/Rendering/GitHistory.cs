using GitOpsRunners.Manifests;
using LibGit2Sharp;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Reads another revision of this repository for a GitRepository whose <c>spec.ref</c> differs from the
/// checkout's, choosing the ref as source-controller does (commit, then name, semver, tag, branch; no ref
/// means branch <c>master</c>). Branches are read from <c>origin</c> when the clone has it, as Flux fetches them.
/// </summary>
internal static class GitHistory
{
    /// <summary>The ref as one comparable text, e.g. <c>branch=main</c>.</summary>
    public static string Describe(YamlMappingNode? reference)
    {
        foreach (var key in new[] { "commit", "name", "semver", "tag", "branch" })
        {
            if (reference.ScalarAt(key) is { Length: > 0 } value)
            {
                return $"{key}={value}";
            }
        }

        return "branch=master";
    }

    public static GitRevision Resolve(string repositoryRoot, YamlMappingNode? reference)
    {
        var described = Describe(reference);
        var (kind, value) = (described[..described.IndexOf('=')], described[(described.IndexOf('=') + 1)..]);
        using var repository = Open(repositoryRoot);
        if (repository is null)
        {
            return new GitRevision(
                null,
                value,
                $"{repositoryRoot} is not a Git repository, so its {kind} '{value}' cannot be read"
            );
        }

        if (kind == "semver")
        {
            return new GitRevision(
                null,
                value,
                $"a semver range ('{value}') is resolved against the remote's tags when Flux fetches, which is not done offline"
            );
        }

        var commit = kind switch
        {
            "commit" => repository.Lookup<Commit>(value),
            "name" => repository.Refs[value]?.ResolveToDirectReference()?.Target.Peel<Commit>(),
            "tag" => repository.Tags[value]?.PeeledTarget as Commit,
            _ => (repository.Branches[$"origin/{value}"] ?? repository.Branches[value])?.Tip,
        };
        return commit is null
            ? new GitRevision(
                null,
                value,
                $"its {kind} '{value}' is not in the local Git history (fetch it, e.g. git fetch origin {value})"
            )
            : new GitRevision(commit.Sha, kind == "commit" ? commit.Sha[..12] : value);
    }

    /// <summary>Writes the files of <paramref name="sha"/> below <paramref name="repositoryRoot"/> into <paramref name="destination"/>.</summary>
    public static void Export(string repositoryRoot, string sha, string destination)
    {
        using var repository = Open(repositoryRoot) ?? throw new InvalidOperationException("not a Git repository");
        var workdir = Path.GetFullPath(repository.Info.WorkingDirectory);
        var below = Path.GetRelativePath(workdir, Path.GetFullPath(repositoryRoot)).Replace('\\', '/');
        var tree = repository.Lookup<Commit>(sha).Tree;
        var folder = below is "." ? tree : tree[below]?.Target as Tree;
        Directory.CreateDirectory(destination);
        if (folder is not null)
        {
            Write(folder, destination);
        }
    }

    private static void Write(Tree tree, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var entry in tree)
        {
            var path = Path.Combine(folder, entry.Name);
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                Write((Tree)entry.Target, path);
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob && entry.Mode != Mode.SymbolicLink)
            {
                using var content = ((Blob)entry.Target).GetContentStream();
                using var file = File.Create(path);
                content.CopyTo(file);
            }
        }
    }

    private static Repository? Open(string root)
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
}
