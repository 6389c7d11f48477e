using GitOpsRunners.Diagnostics;
using Spectre.Console;

namespace GitOpsRunners.Validation.Reports;

/// <summary>The terminal report: findings grouped by file as <c>path:line: severity rule-id message</c>, then one summary line.</summary>
public static class TextReport
{
    /// <summary>The report on a terminal, coloured by severity.</summary>
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
                var scope = Scope(finding) is { } where ? $" [grey]({Markup.Escape(where)})[/]" : "";
                console.MarkupLine($"  [{colour}]{Markup.Escape(finding.ToString())}[/]{scope}");
            }
        }

        var summaryColour =
            report.Errors > 0 ? "red"
            : report.Warnings > 0 ? "yellow"
            : "green";
        console.MarkupLine($"[{summaryColour}]{Markup.Escape(report.Summary)}[/]");
    }

    /// <summary>The same lines as plain text, for a file.</summary>
    public static string Render(ValidationReport report)
    {
        var lines = new List<string>();
        foreach (var group in report.Ordered.GroupBy(f => f.Location?.File ?? "(no file)"))
        {
            lines.Add(group.Key);
            lines.AddRange(group.Select(f => Scope(f) is { } where ? $"  {f} ({where})" : $"  {f}"));
        }

        lines.Add(report.Summary);
        return string.Join('\n', lines) + "\n";
    }

    private static string? Scope(Finding finding) =>
        finding.Cluster is null ? null
        : finding.Object is null ? finding.Cluster
        : $"{finding.Cluster} {finding.Object}";
}
