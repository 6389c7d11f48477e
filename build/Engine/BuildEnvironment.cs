namespace GitOpsRunners.Engine;

/// <summary>Everything the runner reads from the process, passed in so tests can supply their own.</summary>
public sealed record BuildEnvironment(
    Spectre.Console.IAnsiConsole Console,
    IReadOnlyDictionary<string, string> Variables,
    string WorkingDirectory
)
{
    /// <summary>
    /// Standard error. When a target writes its document (json, sarif, junit) to standard output, everything else
    /// (headers, tables, progress, errors, the summary) goes here; null means <see cref="Console"/>.
    /// </summary>
    public Spectre.Console.IAnsiConsole? ErrorConsole { get; init; }

    /// <summary>Handle Ctrl-C and SIGTERM by cancelling the token (off in tests).</summary>
    public bool HandleTermination { get; init; }
}
