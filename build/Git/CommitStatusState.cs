namespace GitOpsRunners.Git;

public enum CommitStatusState
{
    Pending,
    Success,
    Failure,
    Error,
}
