using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Manifests;

/// <summary>A YAML file could not be read; <see cref="Location"/> points at the offending character.</summary>
public sealed class YamlSyntaxException(SourceLocation location, string problem)
    : BuildException($"{location}: {problem}")
{
    public SourceLocation Location { get; } = location;
    public string Problem { get; } = problem;
}
