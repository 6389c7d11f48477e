using GitOpsRunners.Engine;

namespace GitOpsRunners.Tools;

/// <summary>A required external tool is not installed; the message says how to get it.</summary>
public sealed class ToolMissingException(string tool, string howToGet)
    : BuildException($"{tool} was not found on PATH. {howToGet}")
{
    public string Tool { get; } = tool;
}
