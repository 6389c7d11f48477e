using GitOpsRunners.Engine;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Support;

/// <summary>
/// Runs this repository's <see cref="Build"/> in-process through the real <see cref="BuildRunner"/>, as
/// <c>./build.sh</c> would inside <c>root</c> (passed as <c>--repository-root</c> and working directory),
/// on a test console (400 columns unless told), and keeps what it printed and its exit code. With
/// <c>separateStreams</c>, standard output and standard error are two consoles, as in a real process. Unless the
/// environment names one, the build project is a scratch folder (as BUILD_ROOT_DIRECTORY), so caches stay out of
/// <c>root</c>.
/// </summary>
public static class InProcessBuild
{
    public static Task<BuildRun> RunAsync(TempDirectory repo, params string[] args) => RunAsync(repo.Path, args);

    public static async Task<BuildRun> RunAsync(
        string root,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null,
        bool separateStreams = false,
        int width = 400,
        CancellationToken ct = default
    )
    {
        using var console = new TestConsole().Width(width);
        using var error = new TestConsole().Width(width);
        // build.sh names the build project's own folder; its .nuke/temp holds the caches, never the checked repository.
        using var project = new TempDirectory();
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        variables.TryAdd("BUILD_ROOT_DIRECTORY", project.Path);
        var exitCode = await BuildRunner.RunAsync(
            new Build(),
            [.. args, "--repository-root", root],
            new BuildEnvironment(console, variables, root) { ErrorConsole = separateStreams ? error : null },
            ct
        );
        return new BuildRun(exitCode, console.Output) { StandardError = error.Output };
    }
}
