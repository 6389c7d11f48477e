using k8s;
using k8s.Exceptions;

namespace GitOpsRunners.Smoke;

/// <summary>
/// Builds the client configuration: <c>--kubeconfig</c>, else the first existing file in <c>KUBECONFIG</c>, else <c>~/.kube/config</c>,
/// else the in-cluster service account. Exec credentials (kubelogin on AKS) work through the kubeconfig.
/// </summary>
public static class KubernetesConnection
{
    public static KubernetesClientConfiguration Configure(
        SmokeOptions options,
        Func<string, string?>? environment = null
    )
    {
        environment ??= Environment.GetEnvironmentVariable;
        try
        {
            if (options.Kubeconfig is { Length: > 0 } path)
            {
                if (!File.Exists(path))
                {
                    throw new SmokeConnectionException(
                        $"--kubeconfig {path}: file not found; pass the kubeconfig of the cluster to check"
                    );
                }

                return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: options.Context);
            }

            var files = (environment("KUBECONFIG") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(File.Exists)
                .ToList();
            var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var defaultFile = Path.Combine(home, ".kube", "config");
            if (files.Count == 0 && File.Exists(defaultFile))
            {
                files.Add(defaultFile);
            }

            if (files.Count > 0)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(
                    files[0],
                    currentContext: options.Context
                );
            }

            if (environment("KUBERNETES_SERVICE_HOST") is { Length: > 0 } && options.Context is null)
            {
                return KubernetesClientConfiguration.InClusterConfig();
            }
        }
        catch (Exception e) when (e.GetType().Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true)
        {
            var at = e is YamlDotNet.Core.YamlException yaml ? $" at line {yaml.Start.Line}" : "";
            throw new SmokeConnectionException(
                $"kubeconfig {options.Kubeconfig ?? "(KUBECONFIG or ~/.kube/config)"}: not a readable kubeconfig (YAML error{at}: {e.Message.TrimEnd('.')}); pass a kubeconfig file with --kubeconfig",
                e
            );
        }
        catch (KubeConfigException e)
        {
            throw new SmokeConnectionException(
                $"kubeconfig: {e.Message.TrimEnd('.')}; check --kubeconfig and --context",
                e
            );
        }

        throw new SmokeConnectionException(
            "No kubeconfig found (--kubeconfig, KUBECONFIG, ~/.kube/config) and not running in a cluster; pass --kubeconfig"
        );
    }
}
