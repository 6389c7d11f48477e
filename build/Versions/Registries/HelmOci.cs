namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Helm stores a chart version as an OCI tag, and OCI tags cannot hold <c>+</c>: Helm writes the
/// build-metadata separator as <c>_</c> (<c>1.2.3+build.7</c> is the tag <c>1.2.3_build.7</c>).
/// </summary>
public static class HelmOci
{
    public static string TagToVersion(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.Replace('_', '+');
    }

    public static string VersionToTag(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Replace('+', '_');
    }
}
