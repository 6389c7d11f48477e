using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>What the runner hands to a <see cref="BuildDefinition"/> before targets run.</summary>
public sealed record BuildServices(
    IAnsiConsole Console,
    string RootDirectory,
    ICiHost Host,
    Verbosity Verbosity,
    SummaryNotes Notes
)
{
    /// <summary>The folder the user ran the build from; relative paths they typed start here.</summary>
    public string WorkingDirectory { get; init; } = RootDirectory;

    /// <summary>Standard output as it is: where a document goes when no <c>--output</c> file is named.</summary>
    public TextWriter StandardOutput { get; init; } = Console.Profile.Out.Writer;

    /// <summary>The build project's own root (BUILD_ROOT_DIRECTORY), whose <c>.nuke/temp</c> holds caches.</summary>
    public string ProjectDirectory { get; init; } = RootDirectory;
}
