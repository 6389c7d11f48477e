using System.Text;
using GitOpsRunners.Versions.Planning;
using Spectre.Console;

namespace GitOpsRunners.Versions.Bump;

/// <summary>The plan as a console table and as Markdown for the CI step summary.</summary>
public static class BumpConsole
{
    public static void WritePlan(IAnsiConsole console, string cluster, BumpPlan plan)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var note in plan.Notes)
        {
            console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        }

        if (plan.IsEmpty)
        {
            console.MarkupLine(
                $"Nothing to bump in {Markup.Escape(cluster)}: every selected pin is at the newest version the policy allows."
            );
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Bump {Markup.Escape(cluster)}");
        table.AddColumns("Group", "Component", "From", "To", "Update", "Set at", "Release notes");
        foreach (var group in plan.Groups)
        {
            foreach (var change in BumpText.Distinct(group.Changes))
            {
                table.AddRow(
                    Markup.Escape(BumpBranch.ShortName(group.Name)),
                    Markup.Escape(change.Pin.Component),
                    Markup.Escape(BumpText.From(change)),
                    Markup.Escape(BumpText.To(change)),
                    Markup.Escape(BumpText.Type(change)),
                    Markup.Escape(change.Pin.Site?.Location.ToString() ?? change.Pin.SetAt.ToString()),
                    Markup.Escape(change.ReleaseNotesUrl ?? "—")
                );
            }
        }

        console.Write(table);
    }

    public static string Markdown(string cluster, BumpPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder($"### Bump {cluster}\n\n");
        if (plan.IsEmpty)
        {
            return text.Append("Nothing to bump.\n").ToString();
        }

        text.Append("| Group | Component | From | To | Update |\n|---|---|---|---|---|\n");
        foreach (var group in plan.Groups)
        {
            foreach (var change in BumpText.Distinct(group.Changes))
            {
                text.Append(
                    $"| {BumpBranch.ShortName(group.Name)} | {change.Pin.Component} | `{BumpText.From(change)}` | `{BumpText.To(change)}` | {BumpText.Type(change)} |\n"
                );
            }
        }

        return text.ToString();
    }
}
