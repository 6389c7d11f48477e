using System.Text;
using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Reports;

/// <summary>A short markdown table for the GitHub step summary or a pull request comment.</summary>
public static class MarkdownSummary
{
    public static string Render(ValidationReport report, int maxRows = 50)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Validate: {report.Summary}").AppendLine();
        var shown = report.Ordered.Where(f => f.Severity >= Severity.Warning).Take(maxRows).ToList();
        if (shown.Count == 0)
        {
            return text.AppendLine("No errors or warnings.").ToString();
        }

        text.AppendLine("| Severity | Rule | Where | Cluster | Message |").AppendLine("|---|---|---|---|---|");
        foreach (var f in shown)
        {
            text.AppendLine(
                $"| {f.Severity.ToString().ToLowerInvariant()} | `{f.RuleId}` | `{f.Location}` | {f.Cluster} | {Escape(f.Message)} |"
            );
        }

        var hidden = report.Findings.Count(f => f.Severity >= Severity.Warning) - shown.Count;
        if (hidden > 0)
        {
            text.AppendLine().AppendLine($"…and {hidden} more.");
        }

        return text.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
