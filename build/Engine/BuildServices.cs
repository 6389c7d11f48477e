using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>What the runner hands to a <see cref="BuildDefinition"/> before targets run.</summary>
public sealed record BuildServices(
    IAnsiConsole Console,
    string RootDirectory,
    ICiHost Host,
    Verbosity Verbosity,
    SummaryNotes Notes
);
