namespace GitOpsRunners.Rendering;

/// <summary>A Flux Kustomization's <c>spec.sourceRef</c>; the namespace defaults to the Kustomization's.</summary>
public sealed record SourceReference(string Kind, string Name, string Namespace)
{
    public override string ToString() => $"{Kind}/{Namespace}/{Name}";
}
