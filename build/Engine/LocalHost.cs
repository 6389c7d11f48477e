using GitOpsRunners.Diagnostics;
using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>A developer's shell: a rule before each target (none with --verbosity quiet), nothing else extra.</summary>
public sealed class LocalHost(IAnsiConsole console, bool quiet = false) : ICiHost
{
    public bool IsCi => false;

    public void BeginGroup(string name)
    {
        if (!quiet)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(name)}[/]") { Justification = Justify.Left });
        }
    }

    public void EndGroup() { }

    public void Annotate(Severity severity, string message, SourceLocation? location) { }

    public void AppendStepSummary(string markdown) { }

    public void Mask(string secret) { }
}
