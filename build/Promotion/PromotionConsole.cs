using Spectre.Console;

namespace GitOpsRunners.Promotion;

/// <summary>The plan and the gate results on the console.</summary>
public static class PromotionConsole
{
    public static void WritePlan(IAnsiConsole console, PromotionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(draft);
        var route = draft.Route;
        console.MarkupLine(
            $"Promoting [bold]{Markup.Escape(route.From)}[/] -> [bold]{Markup.Escape(route.To)}[/] (pins at {draft.SourceSha[..12]})"
        );
        if (!draft.Plan.IsEmpty)
        {
            var table = new Table()
                .Border(TableBorder.Rounded)
                .AddColumns("Component", $"{route.To} now", $"{route.From}", "Set at");
            foreach (var change in draft.Plan.Changes)
            {
                table.AddRow(
                    Markup.Escape(PromotionPullRequest.Component(change)),
                    Markup.Escape(PromotionPullRequest.Value(change.From, change.FromDigest)),
                    Markup.Escape(PromotionPullRequest.Value(change.To, change.ToDigest)),
                    Markup.Escape(change.Pin.SetAt.ToString())
                );
            }

            console.Write(table);
        }

        foreach (var note in draft.Plan.Notes)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
        }

        foreach (var missing in draft.Plan.Missing)
        {
            console.MarkupLine(
                $"[yellow]{Markup.Escape($"{missing.SetAt}: {missing.Component} is pinned in {route.From} but not in {route.To}; add it to {route.To} by hand")}[/]"
            );
        }
    }

    public static void WriteGates(IAnsiConsole console, IReadOnlyList<GateResult> gates)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(gates);
        foreach (var gate in gates)
        {
            console.MarkupLine(
                $"{(gate.Passed ? "[green]PASS[/]" : "[red]FAIL[/]")} {Markup.Escape(gate.Name)} gate: {Markup.Escape(gate.Summary)}"
            );
            foreach (var detail in gate.Details)
            {
                console.MarkupLine($"    [grey]{Markup.Escape(detail)}[/]");
            }
        }
    }
}
