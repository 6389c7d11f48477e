namespace GitOpsRunners.Manifests;

/// <summary>
/// API groups, well-known names and plurals of the Kubernetes, Flux, External Secrets and ARC objects this project
/// reads: the one place every capability takes them from (their scopes are in <see cref="ApiScopes"/>).
/// </summary>
public static class KubernetesApi
{
    public const string KustomizeGroup = "kustomize.toolkit.fluxcd.io";
    public const string HelmGroup = "helm.toolkit.fluxcd.io";
    public const string SourceGroup = "source.toolkit.fluxcd.io";
    public const string SourceExtensionsGroup = "source.extensions.fluxcd.io";
    public const string NotificationGroup = "notification.toolkit.fluxcd.io";
    public const string ExternalSecretsGroup = "external-secrets.io";
    public const string ExternalSecretsGeneratorsGroup = "generators.external-secrets.io";
    public const string ImageGroup = "image.toolkit.fluxcd.io";
    public const string ArcGroup = "actions.github.com";
    public const string ArcVersion = "v1alpha1";
    public const string ApiExtensionsGroup = "apiextensions.k8s.io";

    /// <summary>The GitRepository that <c>flux bootstrap</c> creates; it is not committed to the repository.</summary>
    public const string BootstrapSource = "flux-system";

    /// <summary>The labels Flux's kustomize-controller puts on every object it applies.</summary>
    public const string KustomizationNameLabel = KustomizeGroup + "/name";
    public const string KustomizationNamespaceLabel = KustomizeGroup + "/namespace";

    /// <summary>The kinds of source-controller (and source-watcher's ExternalArtifact) that Flux objects reference.</summary>
    public static readonly string[] SourceKinds =
    [
        "GitRepository",
        "OCIRepository",
        "HelmRepository",
        "Bucket",
        "HelmChart",
        "ExternalArtifact",
    ];

    private static readonly Dictionary<string, string> Plurals = new(StringComparer.Ordinal)
    {
        ["Kustomization"] = "kustomizations",
        ["HelmRelease"] = "helmreleases",
        ["GitRepository"] = "gitrepositories",
        ["OCIRepository"] = "ocirepositories",
        ["HelmRepository"] = "helmrepositories",
        ["HelmChart"] = "helmcharts",
        ["Bucket"] = "buckets",
        ["ExternalArtifact"] = "externalartifacts",
        ["Alert"] = "alerts",
        ["Provider"] = "providers",
        ["Receiver"] = "receivers",
        ["ExternalSecret"] = "externalsecrets",
        ["ClusterSecretStore"] = "clustersecretstores",
        ["SecretStore"] = "secretstores",
        ["AutoscalingRunnerSet"] = "autoscalingrunnersets",
        ["AutoscalingListener"] = "autoscalinglisteners",
        ["EphemeralRunnerSet"] = "ephemeralrunnersets",
        ["EphemeralRunner"] = "ephemeralrunners",
        ["Deployment"] = "deployments",
        ["Pod"] = "pods",
        ["Secret"] = "secrets",
        ["Event"] = "events",
        ["Namespace"] = "namespaces",
        ["CustomResourceDefinition"] = "customresourcedefinitions",
    };

    /// <summary>The resource name of a kind in API paths (<c>/apis/group/version/namespaces/ns/plural</c>).</summary>
    public static string Plural(string kind) =>
        Plurals.TryGetValue(kind, out var plural) ? plural
        : kind.ToLowerInvariant() is var lower && lower.EndsWith('y') ? lower[..^1] + "ies"
        : kind.ToLowerInvariant() + "s";

    public static bool IsFluxGroup(string group) => group.EndsWith(".toolkit.fluxcd.io", StringComparison.Ordinal);

    /// <summary>The Flux controller that serves a toolkit API group.</summary>
    public static string ControllerFor(string group) =>
        group switch
        {
            KustomizeGroup => "kustomize-controller",
            HelmGroup => "helm-controller",
            SourceGroup => "source-controller",
            NotificationGroup => "notification-controller",
            _ => group.Split('.')[0] + "-controller",
        };
}
