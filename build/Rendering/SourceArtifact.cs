namespace GitOpsRunners.Rendering;

/// <summary>
/// The files of one source as kustomize-controller unpacks them: a scratch folder holding only what the
/// source's artifact holds. <paramref name="display"/> turns an artifact-relative path into the name of the
/// file in the repository (its path, <c>ref:path</c> for another revision, the copied file for an
/// ExternalArtifact), so nothing ever reports a scratch path.
/// </summary>
internal sealed class SourceArtifact(string id, string root, Func<string, string> display, string messagePrefix = "")
{
    /// <summary>What the artifact is made of; equal ids mean equal content.</summary>
    public string Id { get; } = id;

    public string Root { get; } = root;

    /// <summary>What replaces <see cref="Root"/> in tool messages (e.g. <c>v1.2.0:</c>).</summary>
    public string MessagePrefix { get; } = messagePrefix;

    public string Display(string relativePath) => display(relativePath);

    public string FullPath(string relativePath) =>
        relativePath.Length == 0 ? Root : Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The '/'-separated path below <see cref="Root"/>, or null for a path outside it.</summary>
    public string? RelativeOrNull(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
                ? null
            : relative is "." ? ""
            : relative;
    }
}
