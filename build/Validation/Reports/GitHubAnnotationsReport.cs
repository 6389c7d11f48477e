using GitOpsRunners.Engine;

namespace GitOpsRunners.Validation.Reports;

/// <summary>
/// GitHub Actions workflow commands, one <c>::error</c>/<c>::warning</c>/<c>::notice</c> annotation per finding
/// at its file and line, for a step that prints the report itself (under Actions, Validate annotates anyway).
/// </summary>
public static class GitHubAnnotationsReport
{
    public static string Render(ValidationReport report) =>
        string.Concat(
            report.Ordered.Select(f =>
                WorkflowCommands.Annotation(
                    f.Severity,
                    f.Cluster is null ? $"{f.RuleId}: {f.Message}" : $"{f.RuleId}: [{f.Cluster}] {f.Message}",
                    f.Location
                ) + "\n"
            )
        );
}
