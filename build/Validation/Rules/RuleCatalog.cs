using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Every rule Validate knows, with its default severity, rationale and opt-out.</summary>
public static class RuleCatalog
{
    public const string IgnoreAnnotation = "validate.gitops-runners.io/ignore";

    private const string AnnotationOptOut =
        "annotation " + IgnoreAnnotation + ": <rule-id>[,<rule-id>] on the object, or --disable-rules <rule-id>";

    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        new("yaml-syntax", Severity.Error, "Flux cannot apply a file it cannot parse.", "none: fix the file"),
        new(
            "yaml-duplicate-key",
            Severity.Error,
            "A duplicate key silently drops one of the values.",
            "none: fix the file"
        ),
        new(
            "kustomize-build",
            Severity.Error,
            "Every kustomization directory must build as kustomize-controller builds it.",
            "none: fix the kustomization"
        ),
        new(
            "renovate-schema",
            Severity.Error,
            "Hosted Renovate ignores an invalid configuration.",
            "none: fix renovate.json"
        ),
        new(
            "schema",
            Severity.Error,
            "The API server would reject an object that does not match its schema.",
            "--skip-kinds <Kind> or --schema-location"
        ),
        new(
            "schema-cel",
            Severity.Error,
            "The API server refuses an object that breaks a CRD's x-kubernetes-validations rule.",
            "fix the object; --skip-kinds <Kind>"
        ),
        new(
            "schema-cel-not-evaluated",
            Severity.Info,
            "A transition rule (oldSelf) or a rule the CEL evaluator cannot run has no verdict offline.",
            "none"
        ),
        new(
            "schema-missing",
            Severity.Error,
            "An object without a schema is not checked at all.",
            "--ignore-missing-schemas or --schema-location"
        ),
        new(
            "ref-source",
            Severity.Error,
            "A Kustomization or HelmRelease whose source does not exist never reconciles.",
            AnnotationOptOut
        ),
        new(
            "ref-depends-on",
            Severity.Error,
            "A dependsOn entry that names nothing blocks the dependant forever.",
            AnnotationOptOut
        ),
        new(
            "ref-secret-store",
            Severity.Error,
            "An ExternalSecret whose store does not exist never syncs.",
            AnnotationOptOut
        ),
        new(
            "flux-dependson-cycle",
            Severity.Error,
            "Kustomizations or HelmReleases that depend on each other never become ready.",
            "none: break the cycle"
        ),
        new(
            "duplicate-object",
            Severity.Error,
            "Two owners of one object fight over it on every reconciliation.",
            AnnotationOptOut
        ),
        new(
            "source-unused",
            Severity.Warning,
            "A source nothing uses costs fetches and hides mistakes.",
            AnnotationOptOut
        ),
        new(
            "arc-version-skew",
            Severity.Error,
            "ARC refuses (and may delete) scale sets whose chart version differs from the controller's.",
            AnnotationOptOut
        ),
        new(
            "arc-github-secret",
            Severity.Error,
            "The scale set cannot register with GitHub without its githubConfigSecret and the keys ARC reads.",
            AnnotationOptOut
        ),
        new(
            "arc-controller-service-account",
            Severity.Error,
            "The scale set must name the controller's service account or the listener cannot be managed.",
            AnnotationOptOut
        ),
        new(
            "arc-runner-bounds",
            Severity.Error,
            "minRunners above maxRunners makes the scale set unschedulable.",
            AnnotationOptOut
        ),
        new(
            "policy-helm-remediation",
            Severity.Warning,
            "Drift detection and upgrade remediation keep a HelmRelease converging without a human.",
            AnnotationOptOut
        ),
        new(
            "policy-resources",
            Severity.Warning,
            "Containers without requests and limits starve or get evicted under load.",
            AnnotationOptOut
        ),
        new(
            "policy-pod-security",
            Severity.Warning,
            "Namespaces without Pod Security labels admit privileged pods silently.",
            AnnotationOptOut
        ),
        new("policy-image-digest", Severity.Warning, "A tag can be moved; a digest cannot.", AnnotationOptOut),
        new(
            "policy-plaintext-secret",
            Severity.Error,
            "Secrets in Git are leaked secrets.",
            "none: move the value to Key Vault and use an ExternalSecret"
        ),
        new(
            "policy-runner-age",
            Severity.Error,
            "GitHub stops sending jobs to a runner once a newer release has been out for 30 days (checked with --check-runner-age).",
            AnnotationOptOut
        ),
        new(
            "renovate-comment",
            Severity.Error,
            "Renovate updates a first-stage pin only through the '# renovate:' comment above it, which must name the source the manifests use; later stages move by promotion and carry none.",
            "none: fix the comment"
        ),
        new(
            "promotion-order",
            Severity.Error,
            "Releases move through the declared stages; a stage that is not a cluster, or a cluster without a stage, breaks promotion.",
            "none: fix promotion.yaml"
        ),
        new(
            "flux-path-missing",
            Severity.Error,
            "A Kustomization whose path does not exist fails with 'kustomization path not found'.",
            "none: fix spec.path"
        ),
        new(
            "flux-artifact-generator",
            Severity.Error,
            "An ArtifactGenerator whose copy operation matches nothing fails, and Kustomizations reading its ExternalArtifact never reconcile.",
            "none: fix the copy operation"
        ),
        new(
            "flux-substitution",
            Severity.Error,
            "Strict post-build substitution fails the whole Kustomization on an unset variable.",
            "none: define the variable or give it a default"
        ),
        new(
            "flux-namespace-missing",
            Severity.Error,
            "A namespaced object without a namespace fails Flux's server-side apply ('namespace not specified') and with it the whole Kustomization.",
            "none: set metadata.namespace, the kustomization's namespace or spec.targetNamespace"
        ),
        new(
            "flux-substitution-unknown",
            Severity.Warning,
            "Variables from an ExternalSecret's dataFrom or templateFrom only exist in the cluster; they are substituted as masked placeholders and not checked.",
            "list the keys in the ExternalSecret's spec.data"
        ),
        new(
            "flux-source-unsupported",
            Severity.Warning,
            "Sources other than this repository cannot be rendered offline, so what they apply is not checked.",
            "none"
        ),
        new(
            "policy-deprecated-api",
            Severity.Error,
            "Deprecated or removed API versions stop reconciling after an upgrade.",
            AnnotationOptOut
        ),
    ];

    public static RuleDescriptor Get(string id) =>
        All.FirstOrDefault(rule => rule.Id == id) ?? new RuleDescriptor(id, Severity.Error, "", "");
}
