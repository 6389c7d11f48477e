using System.Text;
using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>The end-of-run table (Target, Status, Duration) for the console and as markdown for CI.</summary>
public static class BuildSummary
{
    public static void Write(IAnsiConsole console, IReadOnlyList<TargetResult> results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        var withNotes = results.Any(r => r.Notes.Count > 0 || r.Reason is not null);
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumn(new TableColumn("Target"));
        table.AddColumn(new TableColumn("Status"));
        table.AddColumn(new TableColumn("Duration") { Alignment = Justify.Right });
        if (withNotes)
        {
            table.AddColumn(new TableColumn("Notes"));
        }

        foreach (var result in results)
        {
            var cells = new List<string>
            {
                Markup.Escape(result.Name),
                $"[{Colour(result.Status)}]{result.Status}[/]",
                result.Status is TargetStatus.NotRun or TargetStatus.Skipped && result.Duration == TimeSpan.Zero
                    ? ""
                    : DurationFormat.Format(result.Duration),
            };
            if (withNotes)
            {
                cells.Add(Markup.Escape(Notes(result)));
            }

            table.AddRow(cells.ToArray());
        }

        var total = results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
        table.AddRow(
            withNotes
                ? ["[bold]Total[/]", "", DurationFormat.Format(total), ""]
                : ["[bold]Total[/]", "", DurationFormat.Format(total)]
        );
        console.Write(table);
    }

    public static string ToMarkdown(IReadOnlyList<TargetResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder()
            .AppendLine("### Build summary")
            .AppendLine()
            .AppendLine("| Target | Status | Duration | Notes |")
            .AppendLine("| --- | --- | ---: | --- |");
        foreach (var result in results)
        {
            text.AppendLine(
                $"| {Cell(result.Name)} | {Icon(result.Status)} {result.Status} | {DurationFormat.Format(result.Duration)} | {Cell(Notes(result))} |"
            );
        }

        return text.ToString();
    }

    private static string Notes(TargetResult result) =>
        string.Join("; ", (result.Reason is null ? [] : new[] { result.Reason }).Concat(result.Notes));

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Colour(TargetStatus status) =>
        status switch
        {
            TargetStatus.Succeeded => "green",
            TargetStatus.Failed or TargetStatus.Aborted => "red",
            TargetStatus.Skipped => "yellow",
            _ => "grey",
        };

    private static string Icon(TargetStatus status) =>
        status switch
        {
            TargetStatus.Succeeded => "✅",
            TargetStatus.Failed => "❌",
            TargetStatus.Aborted => "🛑",
            TargetStatus.Skipped => "⏭️",
            _ => "➖",
        };
}
