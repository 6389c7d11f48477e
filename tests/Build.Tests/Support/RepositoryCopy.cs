namespace GitOpsRunners.Tests.Support;

/// <summary>Temp repositories a target can run in: a <c>.nuke/</c> folder and a copy of a Flux tree.</summary>
public static class RepositoryCopy
{
    /// <summary>A temp folder with <c>.nuke/parameters.json</c> and nothing else.</summary>
    public static TempDirectory Empty()
    {
        var repo = new TempDirectory();
        repo.Write(".nuke/parameters.json", "{}");
        return repo;
    }

    /// <summary>A temp repository holding a copy of this repository's <c>kubernetes/</c> tree.</summary>
    public static TempDirectory OfThisRepository()
    {
        var repo = Empty();
        DirectoryCopy.Tree(Path.Combine(RepositoryRoot.Path, "kubernetes"), repo.Combine("kubernetes"));
        return repo;
    }

    /// <summary>A temp repository holding a copy of the fixture tree <c>Fixtures/<paramref name="name"/></c>.</summary>
    public static TempDirectory OfFixture(string name)
    {
        var repo = new TempDirectory();
        DirectoryCopy.Tree(FixtureRepository.Path(name), repo.Path);
        repo.Write(".nuke/parameters.json", "{}");
        return repo;
    }
}
