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
    IReadOnlySet<string> Namespaces,
    IReadOnlyList<YamlMappingNode> Selectors,
    string SecretName,
    ProducedSecret Secret
)
{
    /// <summary>The label every namespace carries with its own name.</summary>
    public const string NameLabel = "kubernetes.io/metadata.name";

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
        return new ClusterExternalSecretTarget(namespaces, selectors, name, secret);
    }

    /// <summary>Whether it writes its Secret into <paramref name="ns"/>, whose labels are <paramref name="labels"/>.</summary>
    public bool Selects(string ns, IReadOnlyDictionary<string, string> labels) =>
        Namespaces.Contains(ns) || Selectors.Any(selector => LabelSelector.Selects(selector, labels));

    /// <summary>
    /// The labels of namespace <paramref name="ns"/>: those of its Namespace object when the cluster applies one, and
    /// the name label the API server adds to every namespace.
    /// </summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(string ns, Manifest? declared) =>
        new Dictionary<string, string>(
            declared?.Body.MappingAt("metadata", "labels").StringMap() ?? new Dictionary<string, string>(),
            StringComparer.Ordinal
        )
        {
            [NameLabel] = ns,
        };
}
