using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>
/// Every <c>spec.valuesFrom</c> entry of a HelmRelease that is not <c>optional</c> names a ConfigMap or Secret in the
/// release's namespace that holds its <c>valuesKey</c> (default <c>values.yaml</c>), as fluxcd/pkg's
/// <c>chartutil.ChartValuesFromReferences</c> requires. A Secret an ExternalSecret or ClusterExternalSecret writes
/// exists; its keys are checked when they are known offline.
/// </summary>
public sealed class ValuesFromRule() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "ref-values-from",
            Severity.Error,
            "helm-controller fails a HelmRelease whose valuesFrom names a ConfigMap or Secret, or a key in it, that does not exist (unless the entry is optional).",
            RuleCatalog.AnnotationOptOut
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var release in context.Index.OfKind(KubernetesApi.HelmGroup, "HelmRelease"))
        {
            foreach (var reference in release.Body.ItemsAt("spec", "valuesFrom"))
            {
                var kind = reference.ScalarAt("kind");
                if (
                    reference.BoolAt("optional") == true
                    || kind is not ("ConfigMap" or "Secret")
                    || reference.ScalarAt("name") is not { } name
                )
                {
                    continue;
                }

                var key = reference.ScalarAt("valuesKey") is { Length: > 0 } valuesKey ? valuesKey : "values.yaml";
                if (Problem(context.Index, release.Namespace, kind, name, key) is { } problem)
                {
                    yield return context.Report(
                        Descriptor,
                        release,
                        $"could not resolve {kind} chart values reference '{release.Namespace}/{name}' with key '{key}': {problem}; helm-controller fails the release. Add it, fix the name or valuesKey, or mark the entry 'optional: true'",
                        "spec",
                        "valuesFrom"
                    );
                }
            }
        }
    }

    /// <summary>Why the reference cannot be resolved, or null when it can (or cannot be known offline).</summary>
    private static string? Problem(ClusterIndex index, string? ns, string kind, string name, string key)
    {
        if (kind == "ConfigMap")
        {
            return index.Find("ConfigMap", ns, name) is not { } configMap ? "resource not found"
                : configMap.Body.MappingAt("data").StringMap().ContainsKey(key) ? null
                : "key not found";
        }

        return SecretKeys.Of(index, ns, name) switch
        {
            null => "resource not found",
            { Count: 0 } => null,
            var keys when keys.Contains(key) => null,
            _ => "key not found",
        };
    }
}
