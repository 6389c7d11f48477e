using System.Security.Cryptography;
using k8s;
using k8s.Exceptions;

namespace GitOpsRunners.Smoke;

/// <summary>
/// Builds the client configuration as kubectl loads it: <c>--kubeconfig</c>; else the files listed in <c>KUBECONFIG</c>
/// merged (missing ones skipped, the first file to define a cluster, user, context or current-context wins), and
/// <c>~/.kube/config</c> only when <c>KUBECONFIG</c> is unset; else the in-cluster service account. Exec credentials
/// (kubelogin on AKS) work through the kubeconfig.
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

                return KubernetesClientConfiguration.BuildConfigFromConfigObject(
                    KubeconfigMerge.Load([new FileInfo(path)])
                        ?? throw new SmokeConnectionException(
                            $"--kubeconfig {path}: the file is empty; pass the kubeconfig of the cluster to check"
                        ),
                    currentContext: options.Context
                );
            }

            var files = KubeconfigFiles(environment).Where(File.Exists).Select(f => new FileInfo(f)).ToArray();
            if (KubeconfigMerge.Load(files) is { } merged)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigObject(
                    merged,
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new SmokeConnectionException(
                $"kubeconfig: a file could not be read ({e.Message.TrimEnd('.')}); check the kubeconfig file and the certificate and key paths it names (relative ones are read from the kubeconfig's own folder), or embed the data (certificate-authority-data, client-certificate-data, client-key-data)",
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

    /// <summary>The files <c>KUBECONFIG</c> lists, in order and once each; <c>~/.kube/config</c> when it is unset or empty.</summary>
    private static IReadOnlyList<string> KubeconfigFiles(Func<string, string?> environment)
    {
        var listed = (environment("KUBECONFIG") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (listed.Count > 0)
        {
            return listed;
        }

        var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return [Path.Combine(home, ".kube", "config")];
    }
}
