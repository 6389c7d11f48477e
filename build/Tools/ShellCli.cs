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
        var result = await Cli.Wrap(executable)
            .WithArguments(["-e", "-c", script])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct)
            .ConfigureAwait(false);
        return result.ExitCode == 0
            ? result.RunTime
            : throw new ToolFailedException("bash", result.ExitCode, result.StandardError);
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
