namespace GitOpsRunners.Tests.Support;

/// <summary>The fixture trees under <c>tests/Build.Tests/Fixtures</c>.</summary>
public static class FixtureRepository
{
    public static string Path(string name)
    {
        var path = System.IO.Path.Combine(RepositoryRoot.Path, "tests", "Build.Tests", "Fixtures", name);
        return Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException($"Fixture '{name}' not found: no folder {path}.");
    }

    /// <summary>The text of the fixture file <c>Fixtures/<paramref name="relativePath"/></c>.</summary>
    public static string Text(string relativePath) =>
        File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "tests", "Build.Tests", "Fixtures", relativePath));
}
