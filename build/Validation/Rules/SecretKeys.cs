using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Rules;

/// <summary>What a rendered cluster says about the keys of a Secret it produces, for rules that need a Secret's keys.</summary>
internal static class SecretKeys
{
    /// <summary>
    /// The keys the named Secret will have: from an ExternalSecret in the namespace, a ClusterExternalSecret that
    /// selects the namespace, or a Secret; empty when they cannot be known offline; null when nothing produces it.
    /// </summary>
    public static HashSet<string>? Of(ClusterIndex index, string? ns, string secretName)
    {
        var produced =
            index
                .OfKind(KubernetesApi.ExternalSecretsGroup, "ExternalSecret")
                .Where(e => e.Namespace == ns || e.Namespace is null)
                .Select(e => ExternalSecretTarget.FromSpec(e.Body.MappingAt("spec"), e.Name, e.Id, e.Location))
                .FirstOrDefault(target => target?.Name == secretName)
                ?.Secret
            ?? (ns is null ? null : FromClusterExternalSecret(index, ns, secretName));
        if (produced is not null)
        {
            return produced.KeysUnknown ? [] : produced.Keys.ToHashSet(StringComparer.Ordinal);
        }

        if (index.Find("Secret", ns, secretName) is { } secret)
        {
            return Keys(secret, "data").Concat(Keys(secret, "stringData")).ToHashSet(StringComparer.Ordinal);
        }

        return null;
    }

    private static ProducedSecret? FromClusterExternalSecret(ClusterIndex index, string ns, string secretName)
    {
        var targets = index
            .OfKind(KubernetesApi.ExternalSecretsGroup, "ClusterExternalSecret")
            .Select(ClusterExternalSecretTarget.Read)
            .OfType<ClusterExternalSecretTarget>();
        var declared = index.OfKind("", "Namespace").FirstOrDefault(n => n.Name == ns);
        return ClusterExternalSecretTarget.Writer(targets, ns, secretName, declared)?.Secret;
    }

    private static IEnumerable<string> Keys(Manifest secret, string field) =>
        secret.Body.MappingAt(field)?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!) ?? [];
}
