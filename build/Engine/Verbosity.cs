namespace GitOpsRunners.Engine;

public enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}
