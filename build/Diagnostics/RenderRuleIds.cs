namespace GitOpsRunners.Diagnostics;

/// <summary>Rule ids of findings produced while rendering a cluster, with what each one means.</summary>
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

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [
        new(
            KustomizeBuild,
            Severity.Error,
            "Every kustomization directory must build as kustomize-controller builds it.",
            "none: fix the kustomization"
        ),
        new(
            PathMissing,
            Severity.Error,
            "A Kustomization whose path does not exist fails with 'kustomization path not found'.",
            "none: fix spec.path"
        ),
        new(
            ArtifactGenerator,
            Severity.Error,
            "An ArtifactGenerator whose copy operation matches nothing fails, and Kustomizations reading its ExternalArtifact never reconcile.",
            "none: fix the copy operation"
        ),
        new(
            Substitution,
            Severity.Error,
            "Strict post-build substitution fails the whole Kustomization on an unset variable.",
            "none: define the variable or give it a default"
        ),
        new(
            NamespaceMissing,
            Severity.Error,
            "A namespaced object without a namespace fails Flux's server-side apply ('namespace not specified') and with it the whole Kustomization.",
            "none: set metadata.namespace, the kustomization's namespace or spec.targetNamespace"
        ),
        new(
            SubstitutionUnknown,
            Severity.Warning,
            "Variables from an ExternalSecret's dataFrom or templateFrom only exist in the cluster; they are substituted as masked placeholders and not checked.",
            "list the keys in the ExternalSecret's spec.data"
        ),
        new(
            SubstituteFromMissing,
            Severity.Error,
            "A Kustomization whose substituteFrom names a ConfigMap or Secret the cluster never applies stops reconciling.",
            "none: add the object, fix the name, or mark the entry 'optional: true'"
        ),
        new(
            SourceUnsupported,
            Severity.Warning,
            "Sources other than this repository cannot be rendered offline, so what they apply is not checked.",
            "none"
        ),
        new(
            DependsOnCycle,
            Severity.Error,
            "Kustomizations or HelmReleases that depend on each other never become ready.",
            "none: break the cycle"
        ),
        new(
            DependsOnMissing,
            Severity.Warning,
            "A Kustomization that depends on one the cluster never applies waits forever.",
            "none: fix the name or namespace, or remove the entry"
        ),
        new(
            KustomizationInvalid,
            Severity.Error,
            "A Flux Kustomization without a source reference cannot fetch anything to apply.",
            "none: set spec.sourceRef.kind and name"
        ),
        new(
            KustomizationDuplicate,
            Severity.Error,
            "One Flux Kustomization applied twice in a cluster makes the two copies fight over the same objects.",
            "none: keep one"
        ),
        new(
            GenerateFailed,
            Severity.Error,
            "kustomize-controller generates a kustomization.yaml for a folder without one; a file in it that is not a Kubernetes object fails that build.",
            "none: move the file out, add a kustomization.yaml, or list it in .sourceignore"
        ),
    ];
}
