namespace GitOpsRunners.Tests.Support;

/// <summary>The root of this repository (the folder with global.json and .nuke/), found from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (
                File.Exists(System.IO.Path.Combine(directory.FullName, "global.json"))
                && Directory.Exists(System.IO.Path.Combine(directory.FullName, ".nuke"))
            )
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No repository root (global.json and .nuke/) above {AppContext.BaseDirectory}."
        );
    }
}
