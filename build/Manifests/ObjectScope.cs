namespace GitOpsRunners.Manifests;

/// <summary>Whether the API server keeps objects of a kind in a namespace.</summary>
public enum ObjectScope
{
    Unknown,
    Namespaced,
    Cluster,
}
