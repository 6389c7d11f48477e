using GitOpsRunners.Engine;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Support;

/// <summary>
/// Runs this repository's <see cref="Build"/> in-process through the real <see cref="BuildRunner"/>, as
/// <c>./build.sh</c> would inside <c>root</c> (passed as <c>--repository-root</c> and working directory),
/// on a 400-column test console, and keeps what it printed and its exit code.
/// </summary>
public static class InProcessBuild
{
    public static Task<BuildRun> RunAsync(TempDirectory repo, params string[] args) => RunAsync(repo.Path, args);

    public static async Task<BuildRun> RunAsync(
        string root,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null
    )
    {
        using var console = new TestConsole().Width(400);
        var exitCode = await BuildRunner.RunAsync(
            new Build(),
            [.. args, "--repository-root", root],
            new BuildEnvironment(console, environment ?? new Dictionary<string, string>(), root),
            CancellationToken.None
        );
        return new BuildRun(exitCode, console.Output);
    }
}
