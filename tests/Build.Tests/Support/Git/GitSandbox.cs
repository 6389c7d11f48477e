using LibGit2Sharp;

namespace GitOpsRunners.Tests.Support.Git;

/// <summary>
/// A temp clone on <c>main</c> with a bare repository as <c>origin</c> (a local path), seeded with
/// <c>kubernetes/apps/arc.yaml</c> and <c>README.md</c> and pushed.
/// </summary>
public sealed class GitSandbox : IDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public GitSandbox()
    {
        Repository.Init(OriginPath, isBare: true);
        using (var origin = new Repository(OriginPath))
        {
            origin.Refs.UpdateTarget("HEAD", "refs/heads/main");
        }

        Repository.Init(WorkPath);
        using var work = new Repository(WorkPath);
        work.Refs.UpdateTarget("HEAD", "refs/heads/main");
        work.Network.Remotes.Add("origin", OriginPath);
        InitialSha = CommitOnMain(
            new Dictionary<string, string>
            {
                ["kubernetes/apps/arc.yaml"] = "version: 0.14.2\n",
                ["README.md"] = "# fleet\n",
            },
            Epoch,
            "Initial state"
        );
        work.Network.Push(work.Network.Remotes["origin"], "refs/heads/main:refs/heads/main");
    }

    public string WorkPath => _temp.Combine("work");
    public string OriginPath => _temp.Combine("origin.git");
    public string InitialSha { get; }

    public string Combine(string relative) => _temp.Combine(relative);

    /// <summary>Writes files in the working tree and commits them on the checked-out branch at <paramref name="when"/>.</summary>
    public string CommitOnMain(IReadOnlyDictionary<string, string> files, DateTimeOffset when, string message)
    {
        using var repo = new Repository(WorkPath);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(WorkPath, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            Commands.Stage(repo, path);
        }

        var signature = new Signature("Test", "test@example.invalid", when);
        return repo.Commit(message, signature, signature).Sha;
    }

    /// <summary>The sha of a branch in the bare origin, or null.</summary>
    public string? OriginBranch(string branch)
    {
        using var origin = new Repository(OriginPath);
        return origin.Refs[$"refs/heads/{branch}"]?.TargetIdentifier;
    }

    /// <summary>The text of a file at a branch of the bare origin, or null.</summary>
    public string? OriginFile(string branch, string path)
    {
        using var origin = new Repository(OriginPath);
        return origin.Branches[branch]?.Tip[path]?.Target is Blob blob ? blob.GetContentText() : null;
    }

    public string ReadWorkingFile(string path) => File.ReadAllText(Path.Combine(WorkPath, path));

    public void Dispose() => _temp.Dispose();
}
