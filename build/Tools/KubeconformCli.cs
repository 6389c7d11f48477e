using CliWrap;
using CliWrap.Buffered;

namespace GitOpsRunners.Tools;

/// <summary>
/// The <c>kubeconform</c> binary, when a team prefers it to the built-in schema validator: runs it over a folder
/// of manifests with JSON output and returns that output (exit code 1 only means "something was invalid").
/// </summary>
public sealed class KubeconformCli(string executable)
{
    public static KubeconformCli Locate() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "kubeconform"))
            .FirstOrDefault(File.Exists)
            is { } found
            ? new KubeconformCli(found)
            : throw new ToolMissingException(
                "kubeconform",
                "Install it from https://github.com/yannh/kubeconform/releases, or drop --validator kubeconform to use the built-in validator."
            );

    public async Task<string> ValidateAsync(
        string folder,
        IReadOnlyList<string> schemaLocations,
        string kubernetesVersion,
        bool strict,
        bool ignoreMissingSchemas,
        IReadOnlyCollection<string> skip,
        IReadOnlyCollection<string> reject,
        CancellationToken ct
    )
    {
        List<string> arguments =
        [
            "-output",
            "json",
            "-kubernetes-version",
            kubernetesVersion,
            "-n",
            Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        if (strict)
        {
            arguments.Add("-strict");
        }

        if (ignoreMissingSchemas)
        {
            arguments.Add("-ignore-missing-schemas");
        }

        if (skip.Count > 0)
        {
            arguments.AddRange(["-skip", string.Join(',', skip)]);
        }

        if (reject.Count > 0)
        {
            arguments.AddRange(["-reject", string.Join(',', reject)]);
        }

        foreach (var location in schemaLocations)
        {
            arguments.AddRange(["-schema-location", location]);
        }

        arguments.Add(folder);
        var result = await Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct)
            .ConfigureAwait(false);
        return result.ExitCode is 0 or 1 && result.StandardOutput.TrimStart().StartsWith('{')
            ? result.StandardOutput
            : throw new ToolFailedException(
                "kubeconform",
                result.ExitCode,
                result.StandardError + result.StandardOutput
            );
    }
}
