using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>Chooses the <see cref="ICiHost"/> from the environment.</summary>
public static class CiHosts
{
    public static ICiHost Detect(
        IAnsiConsole console,
        IReadOnlyDictionary<string, string> environment,
        Verbosity verbosity = Verbosity.Normal
    )
    {
        ArgumentNullException.ThrowIfNull(environment);
        return
            environment.TryGetValue("GITHUB_ACTIONS", out var value)
            && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)
            ? new GitHubActionsHost(console, environment.GetValueOrDefault("GITHUB_STEP_SUMMARY"))
            : new LocalHost(console, quiet: verbosity == Verbosity.Quiet);
    }
}
