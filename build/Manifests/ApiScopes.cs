namespace GitOpsRunners.Manifests;

/// <summary>
/// The scope of kinds known without their CustomResourceDefinition: the Kubernetes built-ins (as
/// <c>kubectl api-resources</c> lists them) and the custom resources of Flux, External Secrets, cert-manager,
/// Gateway API and ARC, whose groups hold only namespaced kinds apart from those listed as cluster-scoped.
/// </summary>
public static class ApiScopes
{
    private static readonly HashSet<(string Group, string Kind)> ClusterScoped =
    [
        ("", "Namespace"),
        ("", "Node"),
        ("", "PersistentVolume"),
        ("", "ComponentStatus"),
        ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
        ("admissionregistration.k8s.io", "MutatingAdmissionPolicy"),
        ("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"),
        ("apiextensions.k8s.io", "CustomResourceDefinition"),
        ("apiregistration.k8s.io", "APIService"),
        ("authentication.k8s.io", "TokenReview"),
        ("authentication.k8s.io", "SelfSubjectReview"),
        ("authorization.k8s.io", "SelfSubjectAccessReview"),
        ("authorization.k8s.io", "SelfSubjectRulesReview"),
        ("authorization.k8s.io", "SubjectAccessReview"),
        ("certificates.k8s.io", "CertificateSigningRequest"),
        ("certificates.k8s.io", "ClusterTrustBundle"),
        ("flowcontrol.apiserver.k8s.io", "FlowSchema"),
        ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"),
        ("networking.k8s.io", "IngressClass"),
        ("networking.k8s.io", "IPAddress"),
        ("networking.k8s.io", "ServiceCIDR"),
        ("node.k8s.io", "RuntimeClass"),
        ("rbac.authorization.k8s.io", "ClusterRole"),
        ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
        ("resource.k8s.io", "DeviceClass"),
        ("resource.k8s.io", "ResourceSlice"),
        ("scheduling.k8s.io", "PriorityClass"),
        ("storage.k8s.io", "CSIDriver"),
        ("storage.k8s.io", "CSINode"),
        ("storage.k8s.io", "StorageClass"),
        ("storage.k8s.io", "VolumeAttachment"),
        ("storage.k8s.io", "VolumeAttributesClass"),
        ("storagemigration.k8s.io", "StorageVersionMigration"),
        ("internal.apiserver.k8s.io", "StorageVersion"),
        ("external-secrets.io", "ClusterSecretStore"),
        ("external-secrets.io", "ClusterExternalSecret"),
        ("external-secrets.io", "ClusterPushSecret"),
        ("generators.external-secrets.io", "ClusterGenerator"),
        ("cert-manager.io", "ClusterIssuer"),
        ("gateway.networking.k8s.io", "GatewayClass"),
    ];

    /// <summary>Groups whose every kind not listed as cluster-scoped is namespaced.</summary>
    private static readonly HashSet<string> KnownGroups =
    [
        "",
        "apps",
        "autoscaling",
        "batch",
        "coordination.k8s.io",
        "discovery.k8s.io",
        "events.k8s.io",
        "networking.k8s.io",
        "policy",
        "rbac.authorization.k8s.io",
        "storage.k8s.io",
        "resource.k8s.io",
        "kustomize.toolkit.fluxcd.io",
        "helm.toolkit.fluxcd.io",
        "source.toolkit.fluxcd.io",
        "source.extensions.fluxcd.io",
        "notification.toolkit.fluxcd.io",
        "image.toolkit.fluxcd.io",
        "external-secrets.io",
        "generators.external-secrets.io",
        "cert-manager.io",
        "gateway.networking.k8s.io",
        "actions.github.com",
    ];

    /// <summary>The scope of <paramref name="kind"/> in <paramref name="group"/> ("" is the core group), if known here.</summary>
    public static ObjectScope Of(string group, string kind) =>
        ClusterScoped.Contains((group, kind)) ? ObjectScope.Cluster
        : KnownGroups.Contains(group) ? ObjectScope.Namespaced
        : ObjectScope.Unknown;
}
