namespace GitOpsRunners.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
