using GitOpsRunners.Diagnostics;
using Spectre.Console;

namespace GitOpsRunners.Validation.Reports;

/// <summary>The terminal report: findings grouped by file as <c>path:line: severity rule-id message</c>, then one summary line.</summary>
public static class TextReport
{
    public static void Write(IAnsiConsole console, ValidationReport report)
    {
        foreach (var group in report.Ordered.GroupBy(f => f.Location?.File ?? "(no file)"))
        {
            console.MarkupLine($"[bold]{Markup.Escape(group.Key)}[/]");
            foreach (var finding in group)
            {
                var colour = finding.Severity switch
                {
                    Severity.Error => "red",
                    Severity.Warning => "yellow",
                    _ => "grey",
                };
                var scope = finding.Cluster is null
                    ? ""
                    : $" [grey]({Markup.Escape(finding.Cluster)}{(finding.Object is null ? "" : " " + Markup.Escape(finding.Object))})[/]";
                console.MarkupLine($"  [{colour}]{Markup.Escape(finding.ToString())}[/]{scope}");
            }
        }

        var summaryColour =
            report.Errors > 0 ? "red"
            : report.Warnings > 0 ? "yellow"
            : "green";
        console.MarkupLine($"[{summaryColour}]{Markup.Escape(report.Summary)}[/]");
    }
}
