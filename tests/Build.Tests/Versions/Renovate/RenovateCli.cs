using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace GitOpsRunners.Tests.Versions.Renovate;

/// <summary>Runs the installed Renovate (or its config validator) and returns its exit code and output.</summary>
public static class RenovateCli
{
    /// <summary>
    /// <c>renovate</c> on the local platform in <paramref name="repository"/> (a git work tree whose committed
    /// files Renovate reads), dry run <paramref name="dryRun"/> (<c>extract</c> or <c>lookup</c>), JSON logs at
    /// debug (extract) or trace (lookup) level, with an optional global configuration file.
    /// </summary>
    public static async Task<RenovateLog> RunAsync(
        string repository,
        string dryRun,
        string cacheFolder,
        string? globalConfig,
        CancellationToken ct
    )
    {
        var environment = new Dictionary<string, string?>
        {
            ["RENOVATE_PLATFORM"] = "local",
            ["RENOVATE_DRY_RUN"] = dryRun,
            ["RENOVATE_BASE_DIR"] = cacheFolder,
            ["RENOVATE_CONFIG_FILE"] = globalConfig,
            ["LOG_FORMAT"] = "json",
            // Debug has the extracted dependencies; trace adds each branch's upgrades ("generateBranchConfig").
            ["LOG_LEVEL"] = dryRun == "lookup" ? "trace" : "debug",
            // Nothing from the machine's own Renovate or GitHub settings.
            ["RENOVATE_TOKEN"] = null,
            ["GITHUB_COM_TOKEN"] = null,
            ["RENOVATE_CONFIG"] = null,
        };
        var result = await Cli.Wrap(RenovateInstall.Renovate)
            .WithWorkingDirectory(repository)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, ct);
        var log = RenovateLog.Parse(result.StandardOutput + "\n" + result.StandardError);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"renovate (RENOVATE_DRY_RUN={dryRun}) exited with {result.ExitCode}:\n"
                    + string.Join('\n', log.Problems())
            );
        }

        return log;
    }

    /// <summary><c>renovate-config-validator --strict --no-global &lt;file&gt;</c> (a repository configuration).</summary>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string configFile, CancellationToken ct)
    {
        var result = await Cli.Wrap(RenovateInstall.ConfigValidator)
            .WithArguments(["--strict", "--no-global", configFile])
            .WithWorkingDirectory(Path.GetDirectoryName(configFile)!)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, ct);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
