namespace GitOpsRunners.Rendering;

/// <summary>
/// The kustomization file kustomize-controller builds for a Flux Kustomization: its content (with
/// <c>originAnnotations</c> always requested, for provenance), whether Flux itself would keep the origin
/// annotation on the objects, or why Flux refuses to generate it.
/// </summary>
public sealed record GeneratedKustomization(string Content, bool KeepsOriginAnnotations, string? Error = null);
