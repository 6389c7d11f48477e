namespace GitOpsRunners.Tests.Faults;

/// <summary>What a folder holds (relative path and content hash of every file), to prove a run changed nothing.</summary>
public static class TreeState
{
    public static IReadOnlyDictionary<string, string> Of(string root) =>
        Directory
            .EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            )
            .ToDictionary(
                f => Path.GetRelativePath(root, f),
                f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))),
                StringComparer.Ordinal
            );
}
