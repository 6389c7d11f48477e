namespace GitOpsRunners.Engine;

/// <summary>A bad command line or parameter value: exit code 2, one line.</summary>
public sealed class UsageException(string message) : BuildException(message, ExitCodes.Usage);
