using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Validation;

/// <summary>Validate keeps kustomize outputs in the build's own cache folder, and <c>--no-cache</c> keeps none.</summary>
public sealed class ValidateBuildCacheSpecs : IDisposable
{
    /// <summary>The build project (BUILD_ROOT_DIRECTORY), apart from the repository Validate checks.</summary>
    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Validate_stores_its_kustomize_builds_in_the_build_cache_folder()
    {
        // Arrange
        using var repo = RepositoryCopy.OfThisRepository();

        // Act
        var run = await RunAsync(repo, "Validate", "--verbosity", "quiet");

        // Assert
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        Entries(_project).Should().NotBeEmpty();
        Entries(repo).Should().BeEmpty("the checked repository is only read");
    }

    [Fact]
    public async Task No_cache_builds_everything_afresh_and_stores_nothing()
    {
        // Arrange
        using var repo = RepositoryCopy.OfThisRepository();

        // Act
        var run = await RunAsync(repo, "Validate", "--no-cache", "--verbosity", "quiet");

        // Assert
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        Entries(_project).Should().BeEmpty();
    }

    private Task<BuildRun> RunAsync(TempDirectory repo, params string[] args) =>
        InProcessBuild.RunAsync(
            repo.Path,
            args,
            new Dictionary<string, string>
            {
                ["SCHEMA_LOCATION"] = Path.Combine(repo.Path, "no-schemas"),
                ["IGNORE_MISSING_SCHEMAS"] = "true",
                ["BUILD_ROOT_DIRECTORY"] = _project.Path,
            }
        );

    private static IEnumerable<string> Entries(TempDirectory root)
    {
        var folder = root.Combine(".nuke/temp/kustomize");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.out", SearchOption.AllDirectories) : [];
    }
}
