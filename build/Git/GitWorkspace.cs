using System.Text;
using GitOpsRunners.Engine;
using LibGit2Sharp;

namespace GitOpsRunners.Git;

/// <summary>
/// The local clone, through LibGit2Sharp. Commits are written as objects and branch refs only:
/// the user's working tree, index and checked-out branch are never touched, so a failure leaves
/// nothing half-written. Network operations (<see cref="PushAsync"/>, <see cref="RemoteBranchTipAsync"/>)
/// run off the caller's thread and observe the cancellation token between steps.
/// </summary>
public sealed partial class GitWorkspace : IDisposable
{
    private const string BranchPrefix = "refs/heads/";
    private readonly Repository _repo;

    private GitWorkspace(Repository repo) => _repo = repo;

    /// <summary>The working directory root (with a trailing separator), or the git dir of a bare repository.</summary>
    public string Root => _repo.Info.WorkingDirectory ?? _repo.Info.Path;

    /// <summary>The checked-out branch's short name, or null when HEAD is detached.</summary>
    public string? CurrentBranch => _repo.Info.IsHeadDetached ? null : _repo.Head.FriendlyName;

    public string HeadSha =>
        _repo.Head.Tip?.Sha
        ?? throw new BuildException($"The repository at {Root} has no commits yet; commit something first.");

    /// <summary>True when nothing is staged, modified or untracked (ignored files do not count).</summary>
    public bool IsClean =>
        !_repo
            .RetrieveStatus(
                new StatusOptions
                {
                    IncludeUntracked = true,
                    RecurseUntrackedDirs = false,
                    IncludeIgnored = false,
                }
            )
            .IsDirty;

    /// <summary>Opens the repository that contains <paramref name="path"/>.</summary>
    public static GitWorkspace Open(string path)
    {
        var gitDir =
            Repository.Discover(path)
            ?? throw new BuildException(
                $"{path} is not inside a git repository. Run the build from a clone of the repository."
            );
        return new GitWorkspace(new Repository(gitDir));
    }

    /// <summary>
    /// The path whose content changes when <paramref name="path"/> is written: the file a symbolic link in
    /// <paramref name="tree"/> points at (the link itself stays a link), followed up to a few links deep.
    /// </summary>
    private static string FollowLinks(Tree tree, string path, string branch)
    {
        for (var depth = 0; depth < 8; depth++)
        {
            if (tree[path] is not { Mode: Mode.SymbolicLink } link)
            {
                return path;
            }

            var target = ((Blob)link.Target).GetContentText().Trim();
            var folder = Path.GetDirectoryName(path.Replace('/', Path.DirectorySeparatorChar)) ?? "";
            var resolved = Path.GetRelativePath(
                    Path.GetFullPath("/"),
                    Path.GetFullPath(Path.Combine(Path.GetFullPath("/"), folder, target))
                )
                .Replace('\\', '/');
            if (resolved.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(target))
            {
                throw new BuildException(
                    $"Cannot write '{path}' on '{branch}': it is a symbolic link to '{target}', outside the repository."
                );
            }

            path = RepositoryPath.Normalize(resolved);
        }

        throw new BuildException($"Cannot write '{path}' on '{branch}': its symbolic links form a loop.");
    }

    /// <summary>Takes this clone's <see cref="RepositoryLock"/> for <paramref name="doing"/> (e.g. "Bump --pr").</summary>
    public Task<RepositoryLock> LockAsync(string doing, TimeSpan wait, CancellationToken ct) =>
        RepositoryLock.AcquireAsync(_repo.Info.Path, doing, wait, ct);

    /// <summary>The sha a branch points at, or null when there is no such local branch.</summary>
    public string? BranchTip(string branch) =>
        _repo.Refs[BranchPrefix + branch]?.ResolveToDirectReference()?.TargetIdentifier;

    /// <summary>
    /// Points branch <paramref name="name"/> at <paramref name="fromCommit"/> (a sha, branch or any
    /// revision), creating it or moving it. Returns the sha. The checked-out branch is refused.
    /// </summary>
    public string CreateOrResetBranch(string name, string fromCommit)
    {
        var canonical = CanonicalBranch(name);
        RefuseCheckedOut(name, canonical, "reset");
        var commit = ResolveCommit(fromCommit);
        _repo.Refs.Add(canonical, commit.Id, $"gitops-runners: reset to {commit.Sha}", allowOverwrite: true);
        return commit.Sha;
    }

    /// <summary>Puts branch <paramref name="name"/> back where it was: at <paramref name="previousTip"/>, or deleted when it did not exist.</summary>
    public void RestoreBranch(string name, string? previousTip)
    {
        var canonical = CanonicalBranch(name);
        RefuseCheckedOut(name, canonical, "restore");
        if (previousTip is null)
        {
            if (_repo.Refs[canonical] is not null)
            {
                _repo.Refs.Remove(canonical);
            }
        }
        else
        {
            _repo.Refs.Add(
                canonical,
                new ObjectId(previousTip),
                "gitops-runners: restore after a failed publish",
                allowOverwrite: true
            );
        }
    }

    /// <summary>
    /// Commits <paramref name="files"/> (repository-relative path to full UTF-8 content) on top of
    /// branch <paramref name="branch"/>: blobs, then a tree built from the tip's tree, then a commit,
    /// then the branch ref moves. Existing files keep their mode. When the tree does not change, no
    /// commit is made and <see cref="GitCommitResult.Changed"/> is false.
    /// </summary>
    public GitCommitResult CommitFiles(
        string branch,
        IReadOnlyDictionary<string, string> files,
        string message,
        GitAuthor author
    )
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(author);
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new BuildException($"Cannot commit to '{branch}' without a message.");
        }

        var canonical = CanonicalBranch(branch);
        RefuseCheckedOut(branch, canonical, "commit to");
        var reference =
            _repo.Refs[canonical]
            ?? throw new BuildException($"Branch '{branch}' does not exist; create it with CreateOrResetBranch first.");
        var tip = _repo.Lookup<Commit>(reference.ResolveToDirectReference().TargetIdentifier);

        var definition = TreeDefinition.From(tip.Tree);
        foreach (var (rawPath, content) in files)
        {
            var path = FollowLinks(tip.Tree, RepositoryPath.Normalize(rawPath), branch);
            var existing = tip.Tree[path];
            if (existing is not null && existing.TargetType != TreeEntryTargetType.Blob)
            {
                throw new BuildException(
                    $"Cannot write '{path}' on '{branch}': it is a {existing.TargetType.ToString().ToLowerInvariant()} there, not a file."
                );
            }

            using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(content));
            var blob = _repo.ObjectDatabase.CreateBlob(stream);
            definition.Add(path, blob, existing?.Mode ?? Mode.NonExecutableFile);
        }

        var tree = _repo.ObjectDatabase.CreateTree(definition);
        if (tree.Id == tip.Tree.Id)
        {
            return new GitCommitResult(branch, tip.Sha, tree.Sha, Changed: false);
        }

        var signature = new Signature(author.Name, author.Email, author.When ?? DateTimeOffset.Now);
        var commit = _repo.ObjectDatabase.CreateCommit(
            signature,
            signature,
            message,
            tree,
            [tip],
            prettifyMessage: true
        );
        _repo.Refs.UpdateTarget(_repo.Refs[canonical], commit.Id, $"gitops-runners: {commit.MessageShort}");
        return new GitCommitResult(branch, commit.Sha, tree.Sha, Changed: true);
    }

    /// <summary>The full text of a file at a revision, or null when the file does not exist there.</summary>
    public string? ReadFile(string revision, string path)
    {
        var entry = ResolveCommit(revision)[RepositoryPath.Normalize(path)];
        return entry?.Target is Blob blob ? blob.GetContentText(new FilteringOptions(entry.Path)) : null;
    }

    /// <summary>
    /// The default branch: the target of <c>refs/remotes/origin/HEAD</c> when the clone has one,
    /// else a local <c>main</c>, else <c>master</c>, else HEAD.
    /// </summary>
    public string DefaultBranch()
    {
        if (_repo.Refs["refs/remotes/origin/HEAD"] is SymbolicReference { Target: { } target })
        {
            return target.CanonicalName;
        }

        foreach (var candidate in new[] { "main", "master" })
        {
            if (_repo.Refs[BranchPrefix + candidate] is not null)
            {
                return BranchPrefix + candidate;
            }
        }

        return "HEAD";
    }

    /// <summary>
    /// The default branch as a revision to start a change from: origin's copy (<c>origin/main</c>) when the clone
    /// has it, else the local branch (<c>main</c>).
    /// </summary>
    public string DefaultBaseRevision()
    {
        var branch = DefaultBranch();
        var name =
            branch.StartsWith("refs/remotes/origin/", StringComparison.Ordinal)
                ? branch["refs/remotes/origin/".Length..]
            : branch.StartsWith(BranchPrefix, StringComparison.Ordinal) ? branch[BranchPrefix.Length..]
            : branch;
        return _repo.Refs[$"refs/remotes/origin/{name}"] is not null ? $"origin/{name}" : name;
    }

    /// <summary>
    /// Commits on the first-parent line of <paramref name="revision"/> (default: <see cref="DefaultBranch"/>)
    /// whose version of <paramref name="path"/> differs from their first parent's, newest first. For a
    /// merged pull request this is the merge commit: the moment the content arrived on the branch.
    /// </summary>
    public IReadOnlyList<FileRevision> FileHistory(string path, string? revision = null, int limit = int.MaxValue)
    {
        var normalized = RepositoryPath.Normalize(path);
        var result = new List<FileRevision>();
        for (
            var commit = ResolveCommit(revision ?? DefaultBranch());
            commit is not null && result.Count < limit;
            commit = commit.Parents.FirstOrDefault()
        )
        {
            var mine = commit.Tree[normalized]?.Target.Id;
            var parentEntry = commit.Parents.FirstOrDefault()?.Tree[normalized]?.Target.Id;
            if (mine != parentEntry)
            {
                result.Add(new FileRevision(commit.Sha, commit.Committer.When, commit.MessageShort));
            }
        }

        return result;
    }

    public void Dispose() => _repo.Dispose();

    private Commit ResolveCommit(string revision)
    {
        Commit? found;
        try
        {
            found = _repo.Lookup(revision)?.Peel<Commit>();
        }
        catch (LibGit2SharpException)
        {
            found = null;
        }

        return found
            ?? throw new BuildException(
                $"'{revision}' is not a commit in {Root}. Fetch it or pass an existing branch or sha."
            );
    }

    private static string CanonicalBranch(string name)
    {
        var canonical = BranchPrefix + name;
        if (string.IsNullOrWhiteSpace(name) || !Reference.IsValidName(canonical))
        {
            throw new BuildException($"'{name}' is not a valid branch name.");
        }

        return canonical;
    }

    private void RefuseCheckedOut(string name, string canonical, string verb)
    {
        if (!_repo.Info.IsBare && !_repo.Info.IsHeadDetached && _repo.Head.CanonicalName == canonical)
        {
            throw new BuildException(
                $"Refusing to {verb} '{name}': it is the checked-out branch. The build writes to its own branch; switch away from '{name}' or pick another branch name."
            );
        }
    }
}
