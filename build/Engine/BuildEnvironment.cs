namespace GitOpsRunners.Engine;

/// <summary>Everything the runner reads from the process, passed in so tests can supply their own.</summary>
public sealed record BuildEnvironment(
    Spectre.Console.IAnsiConsole Console,
    IReadOnlyDictionary<string, string> Variables,
    string WorkingDirectory
)
{
    /// <summary>Handle Ctrl-C and SIGTERM by cancelling the token (off in tests).</summary>
    public bool HandleTermination { get; init; }
}
