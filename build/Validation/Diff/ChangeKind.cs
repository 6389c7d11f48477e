namespace GitOpsRunners.Validation.Diff;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}
