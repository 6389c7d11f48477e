using GitOpsRunners.Engine;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Support;

/// <summary>
/// Runs this repository's <see cref="Build"/> in-process through the real <see cref="BuildRunner"/>, as
/// <c>./build.sh</c> would inside <c>root</c> (passed as <c>--repository-root</c> and working directory),
/// on a 400-column test console, and keeps what it printed and its exit code. With
/// <c>separateStreams</c>, standard output and standard error are two consoles, as in a real process.
/// </summary>
public static class InProcessBuild
{
    public static Task<BuildRun> RunAsync(TempDirectory repo, params string[] args) => RunAsync(repo.Path, args);

    public static async Task<BuildRun> RunAsync(
        string root,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null,
        bool separateStreams = false
    )
    {
        using var console = new TestConsole().Width(400);
        using var error = new TestConsole().Width(400);
        var exitCode = await BuildRunner.RunAsync(
            new Build(),
            [.. args, "--repository-root", root],
            new BuildEnvironment(console, environment ?? new Dictionary<string, string>(), root)
            {
                ErrorConsole = separateStreams ? error : null,
            },
            CancellationToken.None
        );
        return new BuildRun(exitCode, console.Output) { StandardError = error.Output };
    }
}
