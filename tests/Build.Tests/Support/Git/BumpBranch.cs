using GitOpsRunners.Git;

namespace GitOpsRunners.Tests.Support.Git;

/// <summary>The branch the git specs publish: <c>bump/arc</c>, reset to a base and given one commit of files by the bot.</summary>
public static class BumpBranch
{
    public const string Name = "bump/arc";

    /// <summary>The author of the build's commits, one day after <see cref="GitSandbox.Epoch"/>.</summary>
    public static readonly GitAuthor Bot = new("gitops-runners", "bot@example.invalid", GitSandbox.Epoch.AddDays(1));

    /// <summary>Resets <c>bump/arc</c> to <paramref name="from"/> and commits <paramref name="files"/> on it.</summary>
    public static GitCommitResult Commit(
        GitWorkspace workspace,
        IReadOnlyDictionary<string, string> files,
        string message = "Bump ARC to 0.15.0",
        string from = "main",
        GitAuthor? author = null
    )
    {
        workspace.CreateOrResetBranch(Name, from);
        return workspace.CommitFiles(Name, files, message, author ?? Bot);
    }
}
