namespace GitOpsRunners.Git;

public enum PushOutcome
{
    /// <summary>The remote branch was created or moved to the local commit.</summary>
    Pushed,

    /// <summary>The remote branch already held the same commit or a commit with the same tree; nothing was sent.</summary>
    AlreadyUpToDate,
}
