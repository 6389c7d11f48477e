namespace GitOpsRunners.Engine;

/// <summary>Fixed process exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
}
