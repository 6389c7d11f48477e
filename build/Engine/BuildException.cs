namespace GitOpsRunners.Engine;

/// <summary>
/// The one exception family of the build. Only the target runner catches it: it prints
/// <see cref="Exception.Message"/> (never a stack trace) and exits with <see cref="ExitCode"/>.
/// Messages say what is wrong, where (file:line when known) and what to do.
/// </summary>
public class BuildException(string message, int exitCode = ExitCodes.TargetFailed, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
