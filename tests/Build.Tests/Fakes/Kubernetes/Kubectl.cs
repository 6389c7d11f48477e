using CliWrap;
using CliWrap.Buffered;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>Runs the real <c>kubectl</c> against a fake API server, with no user kubeconfig and a throwaway discovery cache.</summary>
public static class Kubectl
{
    public const string Path = "/usr/bin/kubectl";

    public static bool Installed => File.Exists(Path);

    public static async Task<BufferedCommandResult> RunAsync(KubernetesApiServer server, params string[] args)
    {
        using var home = new TempDirectory();
        return await Cli.Wrap(Path)
            .WithArguments([
                $"--server={server.Url.ToString().TrimEnd('/')}",
                $"--cache-dir={home.Combine("cache")}",
                "--request-timeout=10s",
                .. args,
            ])
            .WithEnvironmentVariables(e => e.Set("KUBECONFIG", home.Combine("none")).Set("HOME", home.Path))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
    }
}
