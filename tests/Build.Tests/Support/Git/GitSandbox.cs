using LibGit2Sharp;

namespace GitOpsRunners.Tests.Support.Git;

/// <summary>
/// A temp clone on <c>main</c> with a bare repository as <c>origin</c> (a local path). Its first commit holds
/// what <c>seed</c> writes into the working tree (by default <c>kubernetes/apps/arc.yaml</c> and
/// <c>README.md</c>) and is pushed.
/// </summary>
public sealed class GitSandbox : IDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public GitSandbox()
        : this(
            work =>
            {
                File.WriteAllText(Path.Combine(work, "README.md"), "# fleet\n");
                Directory.CreateDirectory(Path.Combine(work, "kubernetes", "apps"));
                File.WriteAllText(Path.Combine(work, "kubernetes", "apps", "arc.yaml"), "version: 0.14.2\n");
            },
            Epoch,
            "Initial state"
        ) { }

    /// <summary>A sandbox whose first commit, at <paramref name="when"/>, holds what <paramref name="seed"/> writes into the working tree.</summary>
    public GitSandbox(Action<string> seed, DateTimeOffset when, string message)
    {
        Repository.Init(OriginPath, isBare: true);
        using (var origin = new Repository(OriginPath))
        {
            origin.Refs.UpdateTarget("HEAD", "refs/heads/main");
        }

        Repository.Init(WorkPath);
        using (var work = new Repository(WorkPath))
        {
            work.Refs.UpdateTarget("HEAD", "refs/heads/main");
            work.Network.Remotes.Add("origin", OriginPath);
        }

        seed(WorkPath);
        InitialSha = CommitAll(when, message);
        PushMain();
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

        return Commit(repo, when, message);
    }

    /// <summary>Stages every change in the working tree and commits it on the checked-out branch at <paramref name="when"/>.</summary>
    public string CommitAll(DateTimeOffset when, string message)
    {
        using var repo = new Repository(WorkPath);
        Commands.Stage(repo, "*");
        return Commit(repo, when, message);
    }

    /// <summary>Pushes the local <c>main</c> to origin.</summary>
    public void PushMain()
    {
        using var repo = new Repository(WorkPath);
        repo.Network.Push(repo.Network.Remotes["origin"], "refs/heads/main:refs/heads/main");
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

    /// <summary>The tip of a branch in origin: its message and its parents' shas.</summary>
    public (string Message, IReadOnlyList<string> Parents)? OriginCommit(string branch)
    {
        using var origin = new Repository(OriginPath);
        return origin.Branches[branch]?.Tip is { } tip ? (tip.Message, tip.Parents.Select(p => p.Sha).ToList()) : null;
    }

    /// <summary>The sha of a branch in the clone, or null.</summary>
    public string? LocalBranch(string branch)
    {
        using var work = new Repository(WorkPath);
        return work.Refs[$"refs/heads/{branch}"]?.TargetIdentifier;
    }

    public string HeadSha()
    {
        using var work = new Repository(WorkPath);
        return work.Head.Tip.Sha;
    }

    public string ReadWorkingFile(string path) => File.ReadAllText(Path.Combine(WorkPath, path));

    public void Dispose() => _temp.Dispose();

    private static string Commit(Repository repo, DateTimeOffset when, string message)
    {
        var signature = new Signature("Test", "test@example.invalid", when);
        return repo.Commit(message, signature, signature).Sha;
    }
}
