namespace GitOpsRunners.Tests.Support;

/// <summary>Finds the fixture trees under tests/Build.Tests/Fixtures from the test binaries.</summary>
public static class FixtureRepository
{
    public static string Path(string name)
    {
        for (
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "Fixtures", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"Fixture '{name}' not found above {AppContext.BaseDirectory}.");
    }
}
