namespace GitOpsRunners.Diagnostics;

/// <summary>Rule ids of findings produced while rendering a cluster.</summary>
public static class RenderRuleIds
{
    public const string SourceUnsupported = "flux-source-unsupported";
    public const string PathMissing = "flux-path-missing";
    public const string ArtifactGenerator = "flux-artifact-generator";
    public const string Substitution = "flux-substitution";
    public const string NamespaceMissing = "flux-namespace-missing";
    public const string SubstitutionUnknown = "flux-substitution-unknown";
    public const string SubstituteFromMissing = "flux-substitute-from-missing";
    public const string DependsOnCycle = "flux-dependson-cycle";
    public const string DependsOnMissing = "flux-dependson-missing";
    public const string KustomizationInvalid = "flux-kustomization-invalid";
    public const string KustomizationDuplicate = "flux-kustomization-duplicate";
    public const string GenerateFailed = "flux-generate";
    public const string KustomizeBuild = "kustomize-build";
    public const string ClusterRoot = "flux-cluster-root";
}
