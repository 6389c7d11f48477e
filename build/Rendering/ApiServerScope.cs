using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Namespaces as the API server sees them once Flux applied a cluster. A cluster-scoped object keeps no
/// <c>metadata.namespace</c> (the server clears one that kustomize or <c>targetNamespace</c> set), so references to
/// it resolve by name. A namespaced object without a namespace fails Flux's server-side apply
/// (fluxcd/pkg ssa <c>DryRunErr</c>: "Kind/name namespace not specified"). Scopes come from the
/// CustomResourceDefinitions the cluster applies, then <see cref="ApiScopes"/>; kinds of unknown scope are left alone.
/// </summary>
internal static class ApiServerScope
{
    public static (List<RenderedObject> Objects, List<Finding> Findings) Apply(
        IReadOnlyList<RenderedObject> objects,
        string cluster
    )
    {
        var fromCrds = objects
            .Select(o => o.Manifest)
            .Where(m => m.Kind == "CustomResourceDefinition" && m.Group == KubernetesApi.ApiExtensionsGroup)
            .Select(m =>
                (
                    Group: m.Body.ScalarAt("spec", "group"),
                    Kind: m.Body.ScalarAt("spec", "names", "kind"),
                    Scope: m.Body.ScalarAt("spec", "scope")
                )
            )
            .Where(c => c.Group is not null && c.Kind is not null)
            .GroupBy(c => (c.Group!, c.Kind!))
            .ToDictionary(g => g.Key, g => g.Last().Scope == "Cluster" ? ObjectScope.Cluster : ObjectScope.Namespaced);
        var result = new List<RenderedObject>(objects.Count);
        var findings = new List<Finding>();
        foreach (var rendered in objects)
        {
            var manifest = rendered.Manifest;
            var scope = fromCrds.TryGetValue((manifest.Group, manifest.Kind), out var declared)
                ? declared
                : ApiScopes.Of(manifest.Group, manifest.Kind);
            if (scope == ObjectScope.Cluster && manifest.Namespace is not null)
            {
                manifest.Body.MappingAt("metadata")?.RemoveKey("namespace");
                result.Add(rendered with { Manifest = manifest with { Namespace = null } });
                continue;
            }

            if (scope == ObjectScope.Namespaced && manifest.Namespace is null && !IsFluxKustomization(manifest))
            {
                findings.Add(
                    new Finding(
                        RenderRules.NamespaceMissing,
                        $"{manifest.Kind}/{manifest.Name} namespace not specified: this {manifest.Kind} is namespaced, but neither its "
                            + $"metadata.namespace, a kustomization 'namespace' nor spec.targetNamespace of Kustomization {rendered.AppliedBy} gives it one; "
                            + "Flux's server-side apply fails the whole Kustomization with this error. Set one of them.",
                        manifest.Location,
                        cluster,
                        manifest.Id
                    )
                );
            }

            result.Add(rendered);
        }

        return (result, findings);
    }

    /// <summary>A Flux Kustomization without a namespace is already reported where it is read.</summary>
    private static bool IsFluxKustomization(Manifest manifest) => FluxKustomizationReader.IsFluxKustomization(manifest);
}
