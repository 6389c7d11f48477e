using CliWrap;
using CliWrap.Buffered;

namespace GitOpsRunners.Tools;

/// <summary><c>bash</c>, for running a list of commands one after another exactly as a user's shell would.</summary>
public sealed class ShellCli(string executable = "bash")
{
    /// <summary>Runs each command in order in one shell (output discarded); returns the wall time.</summary>
    public async Task<TimeSpan> RunSequentiallyAsync(IEnumerable<IReadOnlyList<string>> commands, CancellationToken ct)
    {
        var script = string.Join('\n', commands.Select(c => string.Join(' ', c.Select(Quote)) + " >/dev/null")) + "\n";
        return await TimedAsync("bash", Cli.Wrap(executable).WithArguments(["-e", "-c", script]), ct)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the commands <paramref name="degree"/> at a time, as <c>xargs -P</c> does (output discarded); returns the
    /// wall time.
    /// </summary>
    public async Task<TimeSpan> RunInParallelAsync(
        IEnumerable<IReadOnlyList<string>> commands,
        int degree,
        CancellationToken ct
    )
    {
        var input = string.Join('\0', commands.Select(c => string.Join(' ', c.Select(Quote))));
        var xargs = Cli.Wrap(executable)
            .WithArguments([
                "-e",
                "-c",
                $"xargs -0 -P{degree.ToString(System.Globalization.CultureInfo.InvariantCulture)} -n1 sh -c 'eval \"$0\" >/dev/null'",
            ])
            .WithStandardInputPipe(PipeSource.FromString(input));
        return await TimedAsync("xargs", xargs, ct).ConfigureAwait(false);
    }

    /// <summary>The wall time of <paramref name="command"/>; a non-zero exit is a <see cref="ToolFailedException"/>.</summary>
    private static async Task<TimeSpan> TimedAsync(string what, Command command, CancellationToken ct)
    {
        var result = await command
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct)
            .ConfigureAwait(false);
        return result.ExitCode == 0
            ? result.RunTime
            : throw new ToolFailedException(what, result.ExitCode, result.StandardError);
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
