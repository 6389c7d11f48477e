using System.Text.RegularExpressions;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Versions.Pins;

/// <summary>
/// Where each post-build variable of a Flux Kustomization is set: the key of a <c>substituteFrom</c>
/// ConfigMap (or Secret <c>stringData</c>) in the Kustomization's namespace, later sources winning, and
/// finally <c>spec.postBuild.substitute</c>. An origin is null when the value is not editable text
/// (a Secret's base64 <c>data</c>, or a source file that could not be read).
/// </summary>
internal sealed partial class VariableOrigins(RenderedCluster cluster, PinSources sources)
{
    private readonly Dictionary<string, Dictionary<string, RawScalar?>> _byKustomization = new(StringComparer.Ordinal);

    /// <summary>Names of the variables <c>${NAME…}</c> refers to in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> References(string text) =>
        Reference().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    public bool TryFind(string appliedBy, string variable, out RawScalar? origin)
    {
        if (!_byKustomization.TryGetValue(appliedBy, out var origins))
        {
            origins = Build(appliedBy);
            _byKustomization[appliedBy] = origins;
        }

        return origins.TryGetValue(variable, out origin);
    }

    private Dictionary<string, RawScalar?> Build(string appliedBy)
    {
        var origins = new Dictionary<string, RawScalar?>(StringComparer.Ordinal);
        var kustomization = cluster
            .Objects.Select(o => o.Manifest)
            .FirstOrDefault(m =>
                m.Kind == "Kustomization"
                && m.Group == KubernetesApi.KustomizeGroup
                && $"{m.Namespace}/{m.Name}" == appliedBy
            );
        if (kustomization is null)
        {
            return origins;
        }

        foreach (
            var source in kustomization.Body.ItemsAt("spec", "postBuild", "substituteFrom").OfType<YamlMappingNode>()
        )
        {
            if (source.ScalarAt("kind") is not ("ConfigMap" or "Secret") || source.ScalarAt("name") is not { } name)
            {
                continue;
            }

            var kind = source.ScalarAt("kind")!;
            var rendered = cluster
                .Objects.Select(o => o.Manifest)
                .FirstOrDefault(m => m.Kind == kind && m.Name == name && m.Namespace == kustomization.Namespace);
            var raw = rendered is not null
                ? sources.DocumentOf(rendered)
                : sources.Find(kind, name, kustomization.Namespace).FirstOrDefault();
            var body = rendered?.Body ?? raw?.Root;
            foreach (var section in kind == "Secret" ? new[] { "data", "stringData" } : ["data"])
            {
                foreach (var key in body.MappingAt(section)?.Children.Keys.OfType<YamlScalarNode>() ?? [])
                {
                    var editable = section != "data" || kind == "ConfigMap";
                    origins[key.Value!] = editable
                        ? RawScalar.At(
                            raw,
                            [Editing.YamlPathSegment.Of(section), Editing.YamlPathSegment.Of(key.Value!)]
                        )
                        : null;
                }
            }
        }

        var own = sources.DocumentOf(kustomization);
        foreach (
            var key in kustomization
                .Body.MappingAt("spec", "postBuild", "substitute")
                ?.Children.Keys.OfType<YamlScalarNode>()
                ?? []
        )
        {
            origins[key.Value!] = RawScalar.At(
                own,
                new[] { "spec", "postBuild", "substitute", key.Value! }.Select(Editing.YamlPathSegment.Of).ToList()
            );
        }

        return origins;
    }

    [GeneratedRegex(@"\$\{([_\p{L}\p{Nd}]+)")]
    private static partial Regex Reference();
}
