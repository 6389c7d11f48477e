using GitOpsRunners.Diagnostics;
using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>
/// GitHub Actions: targets in <c>::group::</c> blocks, findings as <c>::error</c>/<c>::warning</c>/<c>::notice</c>
/// annotations, secrets masked with <c>::add-mask::</c>, and markdown appended to <c>GITHUB_STEP_SUMMARY</c>.
/// Commands go straight to the console's writer so they are never wrapped or coloured.
/// </summary>
public sealed class GitHubActionsHost(IAnsiConsole console, string? stepSummaryPath) : ICiHost
{
    private readonly HashSet<string> _masked = new(StringComparer.Ordinal);

    public bool IsCi => true;

    public void BeginGroup(string name) => Command($"::group::{WorkflowCommands.EscapeData(name)}");

    public void EndGroup() => Command("::endgroup::");

    public void Annotate(Severity severity, string message, SourceLocation? location) =>
        Command(WorkflowCommands.Annotation(severity, message, location));

    public void AppendStepSummary(string markdown)
    {
        if (string.IsNullOrEmpty(stepSummaryPath))
        {
            return;
        }

        File.AppendAllText(stepSummaryPath, markdown.EndsWith('\n') ? markdown : markdown + "\n");
    }

    public void Mask(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        foreach (var line in secret.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (_masked.Add(line))
            {
                Command($"::add-mask::{line}");
            }
        }
    }

    private void Command(string line)
    {
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(line);
        writer.Flush();
    }
}
