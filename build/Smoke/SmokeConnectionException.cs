using GitOpsRunners.Engine;

namespace GitOpsRunners.Smoke;

/// <summary>The cluster could not be asked: unreachable, bad credentials (401), or not allowed (403). One line, exit code 1.</summary>
public sealed class SmokeConnectionException(string message, Exception? inner = null)
    : BuildException(message, ExitCodes.TargetFailed, inner);
