using System.Collections;
using System.CommandLine;
using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>
/// Entry point: <c>return await BuildRunner.RunAsync&lt;Build&gt;(args);</c>. Parses the command line, resolves
/// parameters, plans and runs targets, prints the summary and returns the exit code (see <see cref="ExitCodes"/>).
/// </summary>
public static class BuildRunner
{
    public static Task<int> RunAsync<TBuild>(string[] args)
        where TBuild : BuildDefinition, new()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? "";
        }

        var console = ConsoleFactory.Create(System.Console.Out, !System.Console.IsOutputRedirected, variables);
        var environment = new BuildEnvironment(console, variables, Directory.GetCurrentDirectory())
        {
            ErrorConsole = ConsoleFactory.Create(System.Console.Error, !System.Console.IsErrorRedirected, variables),
            HandleTermination = true,
        };
        return RunAsync(new TBuild(), args, environment, CancellationToken.None);
    }

    public static async Task<int> RunAsync(
        BuildDefinition build,
        IReadOnlyList<string> args,
        BuildEnvironment environment,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(environment);
        using var signals = environment.HandleTermination ? new TerminationSignals(ct) : null;
        ct = signals?.Token ?? ct;
        // Errors before any target runs (command line, parameters) go where errors belong, standard error, so that
        // standard output never holds anything but what a target writes there.
        var console = environment.ErrorConsole ?? environment.Console;
        var errors = new ErrorReporter(console, Verbosity.Normal, SecretRedactor.None);
        try
        {
            var parameters = ParameterDiscovery.Discover(build);
            var commandLine = new BuildCommandLine(parameters);
            var parse = commandLine.ParseRaw(args);
            var arguments = commandLine.Read(parse);
            errors = new ErrorReporter(console, arguments.Verbosity, SecretRedactor.None);
            var session = new BuildSession(build, parameters, arguments, environment);
            commandLine.Command.SetAction((_, token) => session.RunAsync(token));
            var invocation = new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(invocation, ct).ConfigureAwait(false);
        }
        catch (BuildException e)
        {
            errors.Report(e);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // the runner is the one place that turns any exception into an exit code
        catch (Exception e)
#pragma warning restore CA1031
        {
            errors.Report(e);
            return ExitCodes.TargetFailed;
        }
    }
}
