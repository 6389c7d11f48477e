namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>A resource the fake API server serves, as it appears in discovery (<c>APIResourceList</c>).</summary>
public sealed record ApiResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    bool Namespaced,
    IReadOnlyList<string> ShortNames
)
{
    public static readonly IReadOnlyList<string> Verbs = ["get", "list"];

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary><c>pods</c> for the core group, <c>kustomizations.kustomize.toolkit.fluxcd.io</c> otherwise, as in API errors.</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public static IReadOnlyList<ApiResourceType> BuiltIn { get; } =
    [
        new("", "v1", "Namespace", "namespaces", "namespace", false, ["ns"]),
        new("", "v1", "Pod", "pods", "pod", true, ["po"]),
        new("", "v1", "Event", "events", "event", true, ["ev"]),
        new("", "v1", "Secret", "secrets", "secret", true, []),
        new("", "v1", "ConfigMap", "configmaps", "configmap", true, ["cm"]),
        new("apps", "v1", "Deployment", "deployments", "deployment", true, ["deploy"]),
        new(
            "apiextensions.k8s.io",
            "v1",
            "CustomResourceDefinition",
            "customresourcedefinitions",
            "customresourcedefinition",
            false,
            ["crd", "crds"]
        ),
    ];
}
