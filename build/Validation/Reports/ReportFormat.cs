namespace GitOpsRunners.Validation.Reports;

/// <summary>The <c>--format</c> of a report; <see cref="ReportWriter.For"/> picks the writer.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Sarif,
    Junit,

    /// <summary>GitHub Actions workflow-command annotations.</summary>
    Github,
}
