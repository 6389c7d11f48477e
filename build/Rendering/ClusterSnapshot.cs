using GitOpsRunners.Manifests;

namespace GitOpsRunners.Rendering;

/// <summary>What a cluster holds so far, as Kustomizations of the next wave see it. Keys are <c>namespace/name</c>.</summary>
internal sealed record ClusterSnapshot(
    IReadOnlyDictionary<string, Manifest> ConfigMaps,
    IReadOnlyDictionary<string, SecretValues> Secrets,
    IReadOnlyDictionary<string, ProducedSecret> ProducedSecrets,
    IReadOnlyDictionary<string, Manifest> GitRepositories,
    IReadOnlyList<Manifest> ArtifactGenerators
);
