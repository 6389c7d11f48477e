using Spectre.Console;

namespace GitOpsRunners.Smoke;

/// <summary>The final smoke table, then each object that did not pass with its reason and recent Warning events.</summary>
public static class SmokeConsoleReport
{
    public static void Write(IAnsiConsole console, SmokeReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Check", "Object", "State", "Reason");
        foreach (var r in report.Results)
        {
            table.AddRow(
                Markup.Escape(r.Name),
                Markup.Escape(r.Object ?? "-"),
                State(r.State),
                Markup.Escape(r.Reason)
            );
        }

        console.Write(table);
        foreach (var r in report.NotPassed)
        {
            console.MarkupLine($"{State(r.State)} {Markup.Escape(r.Object ?? r.Name)}: {Markup.Escape(r.Reason)}");
            foreach (var e in report.EventsFor(r.Object))
            {
                console.MarkupLine($"    [grey]{Markup.Escape(e.ToString())}[/]");
            }
        }

        var verdict = report.Passed ? "[green]passed[/]" : "[red]failed[/]";
        console.MarkupLine($"Smoke {Markup.Escape(report.Cluster)} {verdict}: {Markup.Escape(report.Summary)}");
    }

    private static string State(CheckState state) =>
        state switch
        {
            CheckState.Pass => "[green]PASS[/]",
            CheckState.Pending => "[yellow]PENDING[/]",
            _ => "[red]FAIL[/]",
        };
}
