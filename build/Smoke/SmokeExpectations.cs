using GitOpsRunners.Rendering;

namespace GitOpsRunners.Smoke;

/// <summary>What must exist and be healthy in one cluster, derived from its rendered desired state and the expected commit.</summary>
public sealed record SmokeExpectations(
    string Cluster,
    string? Revision,
    string FluxNamespace,
    IReadOnlyList<ExpectedCrd> Crds,
    IReadOnlyList<string> FluxControllers,
    IReadOnlyList<ExpectedKustomization> Kustomizations,
    IReadOnlyList<ExpectedHelmRelease> HelmReleases,
    IReadOnlyList<ExpectedObject> Sources,
    IReadOnlyList<ExpectedObject> ClusterSecretStores,
    IReadOnlyList<ExpectedObject> ExternalSecrets,
    IReadOnlyList<ExpectedSecret> Secrets,
    IReadOnlyList<ExpectedArcController> ArcControllers,
    IReadOnlyList<ExpectedScaleSet> ScaleSets
)
{
    public const string DefaultFluxNamespace = "flux-system";

    /// <summary>Pure: reads only the rendered manifests.</summary>
    public static SmokeExpectations From(
        RenderedCluster cluster,
        string? revision,
        string fluxNamespace = DefaultFluxNamespace
    ) => ExpectationPlanner.Plan(cluster, revision, fluxNamespace);

    /// <summary>Every namespace in which an expected Flux object lives, plus the Flux namespace.</summary>
    public IReadOnlyList<string> FluxNamespaces =>
        Kustomizations
            .Select(k => k.Key.Namespace)
            .Concat(HelmReleases.Select(h => h.Key.Namespace))
            .Concat(Sources.Select(s => s.Key.Namespace))
            .Append(FluxNamespace)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
