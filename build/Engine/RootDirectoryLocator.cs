namespace GitOpsRunners.Engine;

/// <summary>Finds the repository root: the first folder, from the start folder upwards, that contains <c>.nuke/</c>.</summary>
public static class RootDirectoryLocator
{
    public static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    public static string Resolve(string? rootOption, string workingDirectory)
    {
        if (rootOption is not null)
        {
            var full = Path.GetFullPath(rootOption, workingDirectory);
            return Directory.Exists(full)
                ? full
                : throw new UsageException($"--repository-root {rootOption}: the folder does not exist.");
        }

        return Find(workingDirectory)
            ?? throw new UsageException(
                $"No .nuke/ folder in {workingDirectory} or any parent: run from inside the repository or pass --repository-root <dir>."
            );
    }
}
