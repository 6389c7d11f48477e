using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering.Substitution;

/// <summary>
/// Decides whether Flux substitutes one rendered resource and does it. The caller runs this only
/// for Kustomizations that have a <c>spec.postBuild</c>, passing variables from
/// <see cref="PostBuildVariables.Merge"/>.
/// </summary>
public static class PostBuildSubstituter
{
    public const string SubstituteKey = KubernetesApi.KustomizeGroup + "/substitute";
    public const string DisabledValue = "disabled";

    /// <summary>
    /// Substitutes <paramref name="resourceYaml"/> and returns the output with the span each top-level <c>${…}</c>
    /// produced (for masking what came from a Secret), or null when substitution is off for it: the resource is then
    /// left exactly as written. A resource labelled or annotated <c>kustomize.toolkit.fluxcd.io/substitute: disabled</c>
    /// is never substituted.
    /// </summary>
    /// <remarks>
    /// Under <see cref="SubstituteStrategy.WithVariables"/> kustomize-controller substitutes when the
    /// merged variable map (substituteFrom data plus inline substitute) has at least one entry. It
    /// tests that the map is non-empty, not that any variable resolves or is referenced: one unused
    /// variable is enough to make <c>${x:=d}</c> expand, and with none, every <c>${…}</c> and
    /// <c>$${…}</c> stays exactly as written. <see cref="SubstituteStrategy.Always"/> substitutes anyway.
    /// </remarks>
    /// <exception cref="SubstitutionException">Malformed syntax, a missing variable in strict mode or an
    /// invalid variable name; line and column are within <paramref name="resourceYaml"/>.</exception>
    public static EnvSubstResult? Substitute(
        string resourceYaml,
        IReadOnlyDictionary<string, string> variables,
        SubstituteStrategy strategy,
        bool strict,
        bool disabledByLabelOrAnnotation
    )
    {
        ArgumentNullException.ThrowIfNull(resourceYaml);
        ArgumentNullException.ThrowIfNull(variables);
        if (disabledByLabelOrAnnotation || (strategy == SubstituteStrategy.WithVariables && variables.Count == 0))
        {
            return null;
        }

        PostBuildVariables.EnsureValidNames(variables.Keys);
        return FluxEnvSubst.ExpandTracked(resourceYaml, variables, strict);
    }

    /// <summary>Whether <c>metadata.labels</c> or <c>metadata.annotations</c> sets the substitute key to "disabled".</summary>
    public static bool IsSubstitutionDisabled(YamlMappingNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var metadata = Child(resource, "metadata") as YamlMappingNode;
        return metadata is not null
            && (IsDisabled(Child(metadata, "labels")) || IsDisabled(Child(metadata, "annotations")));
    }

    private static bool IsDisabled(YamlNode? map) =>
        map is YamlMappingNode mapping && Child(mapping, SubstituteKey) is YamlScalarNode { Value: DisabledValue };

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var k } && k == key).Value;
}
