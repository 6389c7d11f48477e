using GitOpsRunners.Engine;

namespace GitOpsRunners.Tools;

/// <summary>kustomize could not build a directory; <see cref="Problem"/> is kustomize's own message on one line.</summary>
public sealed class KustomizeBuildException(string directory, string problem, string standardError)
    : BuildException($"kustomize build {directory} failed: {problem}")
{
    public string Directory { get; } = directory;
    public string Problem { get; } = problem;
    public string StandardError { get; } = standardError;
}
