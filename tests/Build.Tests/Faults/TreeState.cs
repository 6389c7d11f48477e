namespace GitOpsRunners.Tests.Faults;

/// <summary>
/// What a folder holds (relative path and content hash of every file), to prove a run changed nothing; the build's
/// own git-ignored cache folder (<c>.nuke/temp/</c>, e.g. kustomize build outputs) is not part of it.
/// </summary>
public static class TreeState
{
    public static IReadOnlyDictionary<string, string> Of(string root) =>
        Directory
            .EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !Path.GetRelativePath(root, f).Replace('\\', '/').StartsWith(".nuke/temp/", StringComparison.Ordinal)
            )
            .ToDictionary(
                f => Path.GetRelativePath(root, f),
                f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))),
                StringComparer.Ordinal
            );
}
