using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary><c>--plan</c>: the ordered targets, marking invoked and skipped ones.</summary>
public static class PlanWriter
{
    public static void Write(IAnsiConsole console, ExecutionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        console.MarkupLine("[bold]Execution plan[/]");
        var number = 0;
        foreach (var step in plan.Steps)
        {
            number++;
            var marks = new List<string>();
            if (step.Invoked)
            {
                marks.Add("invoked");
            }

            if (step.SkipReason is { } reason)
            {
                marks.Add("skipped by " + reason);
            }

            var suffix = marks.Count == 0 ? "" : $" [grey]({Markup.Escape(string.Join(", ", marks))})[/]";
            console.MarkupLine($"  {number}. {Markup.Escape(step.Name)}{suffix}");
        }
    }
}
