namespace GitOpsRunners.Validation.Reports;

/// <summary>Renders a Validate report as the document of one <c>--format</c>.</summary>
public sealed record ReportWriter(ReportFormat Format, Func<ValidationReport, string> Render)
{
    /// <summary>The writer for <paramref name="format"/>; SARIF names the tool as <paramref name="toolVersion"/>.</summary>
    public static ReportWriter For(ReportFormat format, string toolVersion) =>
        format switch
        {
            ReportFormat.Text => new(format, TextReport.Render),
            ReportFormat.Json => new(format, JsonReport.Render),
            ReportFormat.Sarif => new(format, report => SarifReport.Render(report, toolVersion)),
            ReportFormat.Junit => new(format, JUnitReport.Render),
            ReportFormat.Github => new(format, GitHubAnnotationsReport.Render),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "no report writer for this format"),
        };
}
