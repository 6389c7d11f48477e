using GitOpsRunners.Manifests;

namespace GitOpsRunners.Rendering;

/// <summary>What a cluster holds so far, as Kustomizations of the next wave see it. Keys are <c>namespace/name</c>.</summary>
internal sealed record ClusterSnapshot(
    IReadOnlyDictionary<string, Manifest> ConfigMaps,
    IReadOnlyDictionary<string, SecretValues> Secrets,
    IReadOnlyDictionary<string, ProducedSecret> ProducedSecrets,
    IReadOnlyDictionary<string, Manifest> GitRepositories,
    IReadOnlyList<Manifest> ArtifactGenerators,
    IReadOnlyList<ClusterExternalSecretTarget> ClusterProducers,
    IReadOnlyDictionary<string, Manifest> Namespaces
)
{
    /// <summary>
    /// The Secret <paramref name="name"/> that an ExternalSecret in <paramref name="ns"/>, or a ClusterExternalSecret
    /// selecting that namespace, writes; null when nothing does.
    /// </summary>
    public ProducedSecret? Produced(string ns, string name) =>
        ProducedSecrets.GetValueOrDefault($"{ns}/{name}")
        ?? ClusterExternalSecretTarget.Writer(ClusterProducers, ns, name, Namespaces.GetValueOrDefault(ns))?.Secret;
}
