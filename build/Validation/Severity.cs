namespace GitOpsRunners.Validation;

public enum Severity
{
    Info,
    Warning,
    Error,
}
