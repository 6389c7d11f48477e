namespace GitOpsRunners.Manifests;

/// <summary>What a YAML mapping document is, judged by its keys and file name.</summary>
public enum DocumentKind
{
    /// <summary>Has apiVersion and/or kind: meant to be a Kubernetes object.</summary>
    KubernetesObject,

    /// <summary>A kustomize Kustomization or Component (kustomize.config.k8s.io), not applied to a cluster.</summary>
    KustomizeConfiguration,

    /// <summary>Neither apiVersion nor kind: Helm values, tool configuration and the like.</summary>
    Other,
}
