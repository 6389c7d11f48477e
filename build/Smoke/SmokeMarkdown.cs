using System.Text;

namespace GitOpsRunners.Smoke;

/// <summary>The smoke verdict as markdown for the GitHub step summary; the caller appends it to <c>GITHUB_STEP_SUMMARY</c>.</summary>
public static class SmokeMarkdown
{
    public static string Render(SmokeReport report, int maxRows = 100)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Smoke `{report.Cluster}`: {(report.Passed ? "passed" : "failed")} — {report.Summary}")
            .AppendLine();
        text.AppendLine("| Check | Object | State | Reason |").AppendLine("|---|---|---|---|");
        foreach (var r in report.Results.OrderBy(r => r.State == CheckState.Pass).Take(maxRows))
        {
            var icon = r.State switch
            {
                CheckState.Pass => "✅ pass",
                CheckState.Pending => "⏳ pending",
                _ => "❌ fail",
            };
            text.AppendLine($"| {r.Name} | `{r.Object ?? "-"}` | {icon} | {Escape(r.Reason)} |");
        }

        if (report.Results.Count > maxRows)
        {
            text.AppendLine().AppendLine($"…and {report.Results.Count - maxRows} more.");
        }

        var events = report.NotPassed.SelectMany(r => report.EventsFor(r.Object)).Distinct().ToList();
        if (events.Count > 0)
        {
            text.AppendLine().AppendLine("Warning events:").AppendLine();
            foreach (var e in events)
            {
                text.AppendLine($"- `{e.InvolvedId}` {Escape(e.ToString())}");
            }
        }

        return text.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
