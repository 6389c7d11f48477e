namespace GitOpsRunners.Rendering;

/// <summary>
/// Everything one kustomize build depends on: the source artifact, the folder at <c>spec.path</c>
/// (artifact-relative, '/'-separated) and the kustomization file kustomize-controller writes there
/// (<paramref name="FileName"/> with <paramref name="Content"/>). Equal keys give equal output.
/// </summary>
internal sealed record KustomizationBuild(SourceArtifact Artifact, string Directory, string FileName, string Content)
{
    public string Key => $"{Artifact.Id}\n{Directory}\n{FileName}\n{Content}";
}
