using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace GitOpsRunners.Tools;

/// <summary>The <c>dotnet</c> CLI: restore and test, quiet and without telemetry.</summary>
public sealed class DotNetCli(string executable = "dotnet")
{
    private const string GnuTime = "/usr/bin/time";

    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    /// <summary>
    /// Runs a built .NET program (<c>dotnet &lt;dll&gt; args</c>) and returns its exit code, wall time, output and, where
    /// GNU time is installed (<c>/usr/bin/time</c>), its peak resident memory in KiB (the largest of the program and
    /// the processes it waited for).
    /// </summary>
    public async Task<ProgramRun> RunProgramAsync(
        string assembly,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        CancellationToken ct
    )
    {
        const string Marker = "peak-rss-kib ";
        var measured = File.Exists(GnuTime);
        var result = await Run(
                Cli.Wrap(measured ? GnuTime : executable)
                    .WithArguments(
                        measured
                            ? ["-f", "\n" + Marker + "%M", executable, assembly, .. arguments]
                            : [assembly, .. arguments]
                    )
                    .WithEnvironmentVariables(environment)
                    .WithWorkingDirectory(workingDirectory)
                    .WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync(ct)
            )
            .ConfigureAwait(false);
        var error = result.StandardError;
        long? peak = null;
        var at = error.LastIndexOf(Marker, StringComparison.Ordinal);
        if (measured && at >= 0)
        {
            peak = long.TryParse(
                error[(at + Marker.Length)..].Trim(),
                System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture,
                out var kib
            )
                ? kib
                : null;
            error = error[..at];
        }

        return new ProgramRun(result.ExitCode, result.RunTime, result.StandardOutput + error, peak);
    }

    public Task RestoreAsync(string project, string workingDirectory, CancellationToken ct) =>
        RunOrThrowAsync("dotnet restore", ["restore", project, "-nologo", "-v", "q"], workingDirectory, ct);

    /// <summary>
    /// Runs CSharpier from the repository's tool manifest (<c>dotnet tool restore</c> first): <c>check</c> or
    /// <c>format</c> over <paramref name="workingDirectory"/>. Returns the exit code and what it printed.
    /// </summary>
    public async Task<(int ExitCode, string Output)> CSharpierAsync(
        bool write,
        string workingDirectory,
        CancellationToken ct
    )
    {
        await RunOrThrowAsync("dotnet tool restore", ["tool", "restore"], workingDirectory, ct).ConfigureAwait(false);
        var result = await Run(
                Cli.Wrap(executable)
                    .WithArguments(["csharpier", write ? "format" : "check", "."])
                    .WithEnvironmentVariables(Quiet)
                    .WithWorkingDirectory(workingDirectory)
                    .WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync(ct)
            )
            .ConfigureAwait(false);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }

    /// <summary>Runs dotnet with <paramref name="arguments"/> (quietly); a non-zero exit is a <see cref="ToolFailedException"/> naming <paramref name="what"/>.</summary>
    private async Task RunOrThrowAsync(string what, string[] arguments, string workingDirectory, CancellationToken ct)
    {
        var result = await Run(
                Cli.Wrap(executable)
                    .WithArguments(arguments)
                    .WithEnvironmentVariables(Quiet)
                    .WithWorkingDirectory(workingDirectory)
                    .WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync(ct)
            )
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new ToolFailedException(what, result.ExitCode, result.StandardOutput + result.StandardError);
        }
    }

    /// <summary>Runs <c>dotnet test</c> with a TRX logger into <paramref name="resultsDirectory"/>; returns the exit code.</summary>
    public async Task<int> TestAsync(
        string project,
        string resultsDirectory,
        string? filter,
        string workingDirectory,
        Action<string> onOutput,
        CancellationToken ct
    )
    {
        List<string> arguments =
        [
            "test",
            project,
            "--no-restore",
            "-nologo",
            "-v",
            "q",
            "--logger",
            "trx",
            "--logger",
            "console;verbosity=minimal",
            "--results-directory",
            resultsDirectory,
        ];
        if (!string.IsNullOrWhiteSpace(filter))
        {
            arguments.AddRange(["--filter", filter]);
        }

        var pipe = PipeTarget.ToDelegate(onOutput);
        var result = await Run(
                Cli.Wrap(executable)
                    .WithArguments(arguments)
                    .WithWorkingDirectory(workingDirectory)
                    .WithStandardOutputPipe(pipe)
                    .WithStandardErrorPipe(pipe)
                    .WithValidation(CommandResultValidation.None)
                    .ExecuteAsync(ct)
            )
            .ConfigureAwait(false);
        return result.ExitCode;
    }

    private static async Task<T> Run<T>(CommandTask<T> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Win32Exception)
        {
            throw new ToolMissingException(
                "dotnet",
                "Install the .NET SDK named in global.json, or run ./build.sh which installs it."
            );
        }
    }
}
