namespace GitOpsRunners.Smoke;

/// <summary>API groups, plurals and scopes of the Flux, External Secrets and ARC kinds the smoke checks read.</summary>
public static class KnownResources
{
    public const string KustomizeGroup = "kustomize.toolkit.fluxcd.io";
    public const string HelmGroup = "helm.toolkit.fluxcd.io";
    public const string SourceGroup = "source.toolkit.fluxcd.io";
    public const string NotificationGroup = "notification.toolkit.fluxcd.io";
    public const string ExternalSecretsGroup = "external-secrets.io";
    public const string ArcGroup = "actions.github.com";
    public const string ArcVersion = "v1alpha1";

    /// <summary>The label Flux's kustomize-controller puts on every object it applies.</summary>
    public const string KustomizationNameLabel = "kustomize.toolkit.fluxcd.io/name";
    public const string KustomizationNamespaceLabel = "kustomize.toolkit.fluxcd.io/namespace";

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

    private static readonly HashSet<string> ClusterScoped = new(StringComparer.Ordinal)
    {
        "ClusterSecretStore",
        "Namespace",
        "CustomResourceDefinition",
        "ClusterRole",
        "ClusterRoleBinding",
    };

    public static string Plural(string kind) =>
        Plurals.TryGetValue(kind, out var plural) ? plural
        : kind.ToLowerInvariant() is var lower && lower.EndsWith('y') ? lower[..^1] + "ies"
        : kind.ToLowerInvariant() + "s";

    public static bool IsClusterScoped(string kind) => ClusterScoped.Contains(kind);

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
