using GitOpsRunners.Engine;

namespace GitOpsRunners.Versions.Editing;

/// <summary>A set of YAML edits was refused; <see cref="Problems"/> holds one <c>file:line: …</c> line per problem. No text was changed.</summary>
public sealed class YamlEditException(IReadOnlyList<string> problems)
    : BuildException(
        problems.Count == 1
            ? problems[0]
            : $"{problems.Count} YAML edits were refused, nothing was changed:\n  " + string.Join("\n  ", problems)
    )
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
