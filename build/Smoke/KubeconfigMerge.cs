using k8s;
using k8s.KubeConfigModels;

namespace GitOpsRunners.Smoke;

/// <summary>
/// Merges kubeconfig files the way kubectl does for a <c>KUBECONFIG</c> list: the first file to define a cluster, user
/// or context name keeps it, and the first file that sets <c>current-context</c> decides it. Relative certificate and
/// key paths are resolved against the folder of the file that names them before the files are merged. An empty file
/// (nothing but blank lines and comments) adds nothing, as in kubectl.
/// </summary>
internal static class KubeconfigMerge
{
    /// <summary>The merged configuration, or null when every file is empty.</summary>
    public static K8SConfiguration? Load(IReadOnlyList<FileInfo> files)
    {
        var configs = files.Where(f => !IsEmpty(f)).Select(Read).ToList();
        if (configs.Count == 0)
        {
            return null;
        }

        var merged = configs[0];
        merged.CurrentContext = configs.Select(c => c.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c));
        merged.Clusters = FirstByName(configs.SelectMany(c => c.Clusters ?? []), cluster => cluster.Name);
        merged.Users = FirstByName(configs.SelectMany(c => c.Users ?? []), user => user.Name);
        merged.Contexts = FirstByName(configs.SelectMany(c => c.Contexts ?? []), context => context.Name);
        return merged;
    }

    private static K8SConfiguration Read(FileInfo file)
    {
        var config = KubernetesClientConfiguration.LoadKubeConfig(file);
        var folder = file.DirectoryName ?? ".";
        foreach (var endpoint in (config.Clusters ?? []).Select(c => c.ClusterEndpoint).OfType<ClusterEndpoint>())
        {
            endpoint.CertificateAuthority = Resolve(folder, endpoint.CertificateAuthority);
        }

        foreach (var credentials in (config.Users ?? []).Select(u => u.UserCredentials).OfType<UserCredentials>())
        {
            credentials.ClientCertificate = Resolve(folder, credentials.ClientCertificate);
            credentials.ClientKey = Resolve(folder, credentials.ClientKey);
        }

        return config;
    }

    private static bool IsEmpty(FileInfo file) =>
        File.ReadLines(file.FullName).All(line => line.TrimStart() is "" or ['#', ..]);

    private static string? Resolve(string folder, string? path) =>
        string.IsNullOrEmpty(path) ? path : Path.GetFullPath(path, folder);

    private static List<T> FirstByName<T>(IEnumerable<T> entries, Func<T, string> name) =>
        [.. entries.GroupBy(name, StringComparer.Ordinal).Select(named => named.First())];
}
