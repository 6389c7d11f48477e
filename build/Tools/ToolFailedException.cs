using GitOpsRunners.Engine;

namespace GitOpsRunners.Tools;

/// <summary>An external tool ran and failed in a way that is not a finding about the user's files.</summary>
public sealed class ToolFailedException(string tool, int exitCode, string standardError)
    : BuildException($"{tool} failed with exit code {exitCode}: {ToolText.Shorten(standardError.Trim())}")
{
    public string Tool { get; } = tool;
    public int ToolExitCode { get; } = exitCode;
    public string StandardError { get; } = standardError;
}
