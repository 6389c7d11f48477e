namespace GitOpsRunners.Validation.Rules;

/// <summary>API groups and well-known names of the Flux, ESO and ARC objects the rules look at.</summary>
public static class FluxKinds
{
    public const string KustomizeGroup = "kustomize.toolkit.fluxcd.io";
    public const string HelmGroup = "helm.toolkit.fluxcd.io";
    public const string SourceGroup = "source.toolkit.fluxcd.io";
    public const string SourceExtensionsGroup = "source.extensions.fluxcd.io";
    public const string NotificationGroup = "notification.toolkit.fluxcd.io";
    public const string ExternalSecretsGroup = "external-secrets.io";

    /// <summary>The GitRepository that <c>flux bootstrap</c> creates; it is not committed to the repository.</summary>
    public const string BootstrapSource = "flux-system";

    public static readonly string[] SourceKinds =
    [
        "GitRepository",
        "OCIRepository",
        "HelmRepository",
        "Bucket",
        "HelmChart",
        "ExternalArtifact",
    ];
}
