using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// The Secrets an External Secrets Operator <c>ClusterExternalSecret</c> writes, as its controller does: in every
/// namespace it selects (the names in <c>spec.namespaces</c>, and the namespaces matching <c>spec.namespaceSelector</c>
/// or any of <c>spec.namespaceSelectors</c>) it creates an ExternalSecret named <c>spec.externalSecretName</c> (default:
/// its own name) with <c>spec.externalSecretSpec</c>, which writes <see cref="SecretName"/>.
/// </summary>
internal sealed record ClusterExternalSecretTarget(
    Manifest Source,
    IReadOnlySet<string> Namespaces,
    IReadOnlyList<YamlMappingNode> Selectors,
    string SecretName,
    ProducedSecret Secret
)
{
    /// <summary>The label every namespace carries with its own name.</summary>
    private const string NameLabel = "kubernetes.io/metadata.name";

    public static ClusterExternalSecretTarget? Read(Manifest manifest)
    {
        if (manifest.Kind != "ClusterExternalSecret" || manifest.Group != KubernetesApi.ExternalSecretsGroup)
        {
            return null;
        }

        var spec = manifest.Body.MappingAt("spec");
        var externalSecretName = spec.ScalarAt("externalSecretName") is { Length: > 0 } named ? named : manifest.Name;
        if (
            ExternalSecretTarget.FromSpec(
                spec.MappingAt("externalSecretSpec"),
                externalSecretName,
                $"ClusterExternalSecret {manifest.Name}",
                manifest.Location
            )
            is not var (name, secret)
        )
        {
            return null;
        }

        var namespaces = spec.ItemsAt("namespaces").Select(n => n.ScalarAt()).OfType<string>().ToHashSet();
        List<YamlMappingNode> selectors =
        [
            .. new[] { spec.MappingAt("namespaceSelector") }.OfType<YamlMappingNode>(),
            .. spec.ItemsAt("namespaceSelectors").OfType<YamlMappingNode>(),
        ];
        return new ClusterExternalSecretTarget(manifest, namespaces, selectors, name, secret);
    }

    /// <summary>
    /// The first of <paramref name="targets"/> that writes <paramref name="secretName"/> into namespace
    /// <paramref name="ns"/>, whose Namespace object (when the cluster applies one) is <paramref name="declared"/>.
    /// </summary>
    public static ClusterExternalSecretTarget? Writer(
        IEnumerable<ClusterExternalSecretTarget> targets,
        string ns,
        string secretName,
        Manifest? declared
    )
    {
        var labels = LabelsOf(ns, declared);
        return targets.FirstOrDefault(target => target.SecretName == secretName && target.Selects(ns, labels));
    }

    private bool Selects(string ns, IReadOnlyDictionary<string, string> labels) =>
        Namespaces.Contains(ns) || Selectors.Any(selector => LabelSelector.Selects(selector, labels));

    /// <summary>Its Namespace object's labels, and the name label the API server adds to every namespace.</summary>
    private static Dictionary<string, string> LabelsOf(string ns, Manifest? declared) =>
        new(
            declared?.Body.MappingAt("metadata", "labels").StringMap() ?? new Dictionary<string, string>(),
            StringComparer.Ordinal
        )
        {
            [NameLabel] = ns,
        };
}
