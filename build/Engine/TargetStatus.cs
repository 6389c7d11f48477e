namespace GitOpsRunners.Engine;

public enum TargetStatus
{
    Succeeded,
    Failed,
    Skipped,
    NotRun,
    Aborted,
}
