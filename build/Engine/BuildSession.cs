using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>One invocation after parsing: help, plan, or resolve-check-run-summarise.</summary>
internal sealed class BuildSession(
    BuildDefinition build,
    IReadOnlyList<BuildParameter> parameters,
    BuildArguments arguments,
    BuildEnvironment environment
)
{
    private IAnsiConsole Console => environment.Console;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var targets = TargetDiscovery.Discover(build);
        var root =
            RootOption is null && !arguments.Help && arguments.Targets.Count == 0
                ? RootDirectoryLocator.Find(environment.WorkingDirectory)
            : arguments.Help ? TryResolveRoot()
            : RootDirectoryLocator.Resolve(RootOption, environment.WorkingDirectory);
        if (arguments.Help || root is null)
        {
            return ShowHelp(targets, root);
        }

        var resolution = new ParameterResolver(parameters).Resolve(arguments, environment.Variables, root);
        var invoked = arguments.Targets.Count > 0 ? arguments.Targets : resolution.Targets ?? [];
        if (invoked.Count == 0)
        {
            return ShowHelp(targets, root);
        }

        var skip = arguments.Skip ?? resolution.Skip;
        var plan = ExecutionPlanner.Plan(targets, invoked, skip ?? [], skipAllDependencies: skip is { Count: 0 });
        if (arguments.Plan)
        {
            PlanWriter.Write(Console, plan);
            return ExitCodes.Success;
        }

        return await ExecuteAsync(plan, resolution, root, ct).ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync(
        ExecutionPlan plan,
        ParameterResolution resolution,
        string root,
        CancellationToken ct
    )
    {
        resolution.ApplyTo(build);
        var console = build.DocumentOnStandardOutput ? environment.ErrorConsole ?? Console : Console;
        var host = CiHosts.Detect(console, environment.Variables, arguments.Verbosity);
        foreach (var secret in resolution.SecretValues)
        {
            host.Mask(secret);
        }

        var redactor = new SecretRedactor(resolution.SecretValues);
        var errors = new ErrorReporter(console, arguments.Verbosity, redactor);
        var notes = new SummaryNotes();
        build.Attach(
            new BuildServices(console, root, host, arguments.Verbosity, notes)
            {
                WorkingDirectory = environment.WorkingDirectory,
                ProjectDirectory = ScriptRoot ?? root,
                StandardOutput = Console.Profile.Out.Writer,
            }
        );
        if (arguments.Verbosity == Verbosity.Verbose)
        {
            WriteParameters(console, resolution);
        }

        try
        {
            RequirementCheck.ThrowIfMissing(plan, parameters);
        }
        catch (BuildException e)
        {
            errors.Report(e);
            return e.ExitCode;
        }

        var outcome = await new TargetExecutor(host, errors, notes).RunAsync(plan, ct).ConfigureAwait(false);
        if (arguments.Verbosity != Verbosity.Quiet || outcome.ExitCode != ExitCodes.Success)
        {
            console.WriteLine();
            BuildSummary.Write(console, outcome.Results);
        }

        if (host.IsCi)
        {
            host.AppendStepSummary(BuildSummary.ToMarkdown(outcome.Results));
        }

        return outcome.ExitCode;
    }

    /// <summary><c>--repository-root</c>, else <c>BUILD_ROOT_DIRECTORY</c> (set by build.sh and build.cmd).</summary>
    private string? RootOption => arguments.Root ?? ScriptRoot;

    /// <summary>The build project's root as build.sh or build.cmd name it.</summary>
    private string? ScriptRoot =>
        environment.Variables.TryGetValue("BUILD_ROOT_DIRECTORY", out var fromScript) && fromScript.Length > 0
            ? Path.GetFullPath(fromScript)
            : null;

    private string? TryResolveRoot()
    {
        try
        {
            return RootDirectoryLocator.Resolve(RootOption, environment.WorkingDirectory);
        }
        catch (UsageException)
        {
            return null;
        }
    }

    private int ShowHelp(IReadOnlyList<BuildTarget> targets, string? root)
    {
        HelpWriter.Write(Console, targets, parameters);
        if (root is not null)
        {
            BuildSchema.WriteIfChanged(root, BuildSchema.Generate(parameters, targets));
        }

        return ExitCodes.Success;
    }

    private static void WriteParameters(IAnsiConsole console, ParameterResolution resolution)
    {
        foreach (var value in resolution.Values)
        {
            console.MarkupLine(
                $"[grey]{Markup.Escape(value.Parameter.Name)} = {Markup.Escape(value.Display)} ({Markup.Escape(value.Origin)})[/]"
            );
        }
    }
}
