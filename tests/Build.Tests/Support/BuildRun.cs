namespace GitOpsRunners.Tests.Support;

/// <summary>
/// What an in-process build printed and the exit code it returned. With separate streams, <see cref="Output"/> is
/// standard output alone and <see cref="StandardError"/> the rest; otherwise both went to <see cref="Output"/>.
/// </summary>
public sealed record BuildRun(int ExitCode, string Output)
{
    public string StandardError { get; init; } = "";
}
