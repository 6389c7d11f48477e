namespace GitOpsRunners.Rendering;

/// <summary>
/// Lays out the scratch tree of one build: the artifact as it is, except that the folder at <c>spec.path</c>
/// holds the kustomization file kustomize-controller wrote. Only the folders on the way to it are real; every
/// other entry links to the shared artifact (or is copied where links cannot be made), so a build costs a
/// few links, not a copy of the source.
/// </summary>
internal static class BuildTree
{
    /// <summary>The folder <see cref="Materialize"/> builds in, without making the tree.</summary>
    public static string BuiltFolder(KustomizationBuild build, string buildRoot) =>
        build.Directory.Length == 0 ? buildRoot : Path.Combine([buildRoot, .. build.Directory.Split('/')]);

    /// <summary>Creates the tree under <paramref name="buildRoot"/> and returns the built folder.</summary>
    public static string Materialize(KustomizationBuild build, string buildRoot)
    {
        var segments = build.Directory.Length == 0 ? [] : build.Directory.Split('/');
        var source = build.Artifact.Root;
        var target = buildRoot;
        for (var depth = 0; depth <= segments.Length; depth++)
        {
            Directory.CreateDirectory(target);
            var next = depth < segments.Length ? segments[depth] : null;
            foreach (var entry in Directory.EnumerateFileSystemEntries(source))
            {
                var name = Path.GetFileName(entry);
                if (name == next || (next is null && name == build.FileName))
                {
                    continue;
                }

                Link(entry, Path.Combine(target, name));
            }

            if (next is null)
            {
                File.WriteAllText(Path.Combine(target, build.FileName), build.Content);
                return target;
            }

            source = Path.Combine(source, next);
            target = Path.Combine(target, next);
        }

        return target;
    }

    private static void Link(string existing, string link)
    {
        try
        {
            if (Directory.Exists(existing))
            {
                Directory.CreateSymbolicLink(link, existing);
            }
            else
            {
                File.CreateSymbolicLink(link, existing);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Copy(existing, link);
        }
    }

    private static void Copy(string existing, string destination)
    {
        if (!Directory.Exists(existing))
        {
            File.Copy(existing, destination, overwrite: true);
            return;
        }

        Directory.CreateDirectory(destination);
        foreach (var entry in Directory.EnumerateFileSystemEntries(existing))
        {
            Copy(entry, Path.Combine(destination, Path.GetFileName(entry)));
        }
    }
}
