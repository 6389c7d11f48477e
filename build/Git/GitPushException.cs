using GitOpsRunners.Engine;

namespace GitOpsRunners.Git;

/// <summary>The remote refused a push (hook, protection rule, non-fast-forward) or could not be reached.</summary>
public sealed class GitPushException(string branch, string remoteMessage, string message, Exception? inner = null)
    : BuildException(message, ExitCodes.TargetFailed, inner)
{
    public string Branch { get; } = branch;

    /// <summary>The remote's own words, without credentials.</summary>
    public string RemoteMessage { get; } = remoteMessage;
}
