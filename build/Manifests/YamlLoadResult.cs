using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Manifests;

/// <summary>The mapping documents of one YAML file and what was wrong with the rest of it.</summary>
public sealed record YamlLoadResult(
    string File,
    IReadOnlyList<LoadedDocument> Documents,
    IReadOnlyList<Finding> Findings
)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
