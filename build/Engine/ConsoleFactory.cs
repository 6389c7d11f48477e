using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>
/// Builds the process console: ANSI and colours only on a terminal, no colours when <c>NO_COLOR</c> is set,
/// spinners only when interactive.
/// </summary>
public static class ConsoleFactory
{
    /// <summary>Line width used when output is not a terminal (CI logs, files, pipes).</summary>
    public const int RedirectedWidth = 240;

    public static IAnsiConsole Create(
        TextWriter output,
        bool isTerminal,
        IReadOnlyDictionary<string, string> environment
    )
    {
        var settings = Settings(isTerminal, environment);
        settings.Out = new AnsiConsoleOutput(output);
        var console = AnsiConsole.Create(settings);
        if (!isTerminal)
        {
            // Logs and pipes have no width: keep every finding on one line so file:line stays greppable.
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    public static AnsiConsoleSettings Settings(bool isTerminal, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var noColor = environment.TryGetValue("NO_COLOR", out var value) && value.Length > 0;
        return new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        };
    }
}
