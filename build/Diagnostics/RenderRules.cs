namespace GitOpsRunners.Diagnostics;

/// <summary>The rules of findings produced while rendering a cluster, each declared once with what it means.</summary>
public static class RenderRules
{
    public static RuleDescriptor KustomizeBuild { get; } =
        new(
            "kustomize-build",
            Severity.Error,
            "Every kustomization directory must build as kustomize-controller builds it.",
            "none: fix the kustomization"
        );

    public static RuleDescriptor PathMissing { get; } =
        new(
            "flux-path-missing",
            Severity.Error,
            "A Kustomization whose path does not exist fails with 'kustomization path not found'.",
            "none: fix spec.path"
        );

    public static RuleDescriptor ArtifactGenerator { get; } =
        new(
            "flux-artifact-generator",
            Severity.Error,
            "An ArtifactGenerator whose copy operation matches nothing fails, and Kustomizations reading its ExternalArtifact never reconcile.",
            "none: fix the copy operation"
        );

    public static RuleDescriptor Substitution { get; } =
        new(
            "flux-substitution",
            Severity.Error,
            "Strict post-build substitution fails the whole Kustomization on an unset variable.",
            "none: define the variable or give it a default"
        );

    public static RuleDescriptor NamespaceMissing { get; } =
        new(
            "flux-namespace-missing",
            Severity.Error,
            "A namespaced object without a namespace fails Flux's server-side apply ('namespace not specified') and with it the whole Kustomization.",
            "none: set metadata.namespace, the kustomization's namespace or spec.targetNamespace"
        );

    public static RuleDescriptor SubstitutionUnknown { get; } =
        new(
            "flux-substitution-unknown",
            Severity.Warning,
            "Variables from an ExternalSecret's dataFrom or templateFrom only exist in the cluster; they are substituted as masked placeholders and not checked.",
            "list the keys in the ExternalSecret's spec.data"
        );

    public static RuleDescriptor SubstituteFromMissing { get; } =
        new(
            "flux-substitute-from-missing",
            Severity.Error,
            "A Kustomization whose substituteFrom names a ConfigMap or Secret the cluster never applies stops reconciling.",
            "none: add the object, fix the name, or mark the entry 'optional: true'"
        );

    public static RuleDescriptor SourceUnsupported { get; } =
        new(
            "flux-source-unsupported",
            Severity.Warning,
            "Sources other than this repository cannot be rendered offline, so what they apply is not checked.",
            "none"
        );

    public static RuleDescriptor DependsOnCycle { get; } =
        new(
            "flux-dependson-cycle",
            Severity.Error,
            "Kustomizations or HelmReleases that depend on each other never become ready.",
            "none: break the cycle"
        );

    public static RuleDescriptor DependsOnMissing { get; } =
        new(
            "flux-dependson-missing",
            Severity.Warning,
            "A Kustomization that depends on one the cluster never applies waits forever.",
            "none: fix the name or namespace, or remove the entry"
        );

    public static RuleDescriptor KustomizationInvalid { get; } =
        new(
            "flux-kustomization-invalid",
            Severity.Error,
            "A Flux Kustomization without a source reference cannot fetch anything to apply.",
            "none: set spec.sourceRef.kind and name"
        );

    public static RuleDescriptor KustomizationDuplicate { get; } =
        new(
            "flux-kustomization-duplicate",
            Severity.Error,
            "One Flux Kustomization applied twice in a cluster makes the two copies fight over the same objects.",
            "none: keep one"
        );

    public static RuleDescriptor GenerateFailed { get; } =
        new(
            "flux-generate",
            Severity.Error,
            "kustomize-controller generates a kustomization.yaml for a folder without one; a file in it that is not a Kubernetes object fails that build.",
            "none: move the file out, add a kustomization.yaml, or list it in .sourceignore"
        );

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [
        KustomizeBuild,
        PathMissing,
        ArtifactGenerator,
        Substitution,
        NamespaceMissing,
        SubstitutionUnknown,
        SubstituteFromMissing,
        SourceUnsupported,
        DependsOnCycle,
        DependsOnMissing,
        KustomizationInvalid,
        KustomizationDuplicate,
        GenerateFailed,
    ];
}
