namespace GitOpsRunners.Rendering;

/// <summary>
/// The output of one kustomize build, or its error. <paramref name="BuildRoot"/> is the scratch copy of the
/// artifact the build ran in and <paramref name="Directory"/> the folder built inside it.
/// </summary>
internal sealed record BuildResult(
    KustomizationBuild Build,
    string BuildRoot,
    string Directory,
    string? Output,
    KustomizeBuildException? Error
)
{
    /// <summary>The artifact file a path inside the build tree stands for (the same path when outside).</summary>
    public string ToArtifactPath(string fullPath)
    {
        var relative = Path.GetRelativePath(BuildRoot, fullPath);
        return
            relative == ".."
            || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.IsPathRooted(relative)
            ? fullPath
            : Path.GetFullPath(Path.Combine(Build.Artifact.Root, relative));
    }
}
