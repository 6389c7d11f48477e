using System.Text.Json.Nodes;
using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using LibGit2Sharp;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Validation;

/// <summary><c>--root</c>, <c>--repository-root</c> and <c>--output</c> as users type them, from any working directory.</summary>
public sealed class PathArgumentSpecs : IDisposable
{
    private readonly TempDirectory _world = new();

    public PathArgumentSpecs()
    {
        DirectoryCopy.Tree(Path.Combine(RepositoryRoot.Path, "kubernetes"), _world.Combine("repo/kubernetes"));
        Repository.Init(_world.Combine("repo"));
        _world.Write("build-project/.nuke/parameters.json", "{}");
        Directory.CreateDirectory(_world.Combine("elsewhere/deeper"));
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task An_absolute_root_inside_the_repository_root_validates_that_tree()
    {
        var (exitCode, output) = await ValidateAsync(
            _world.Combine("elsewhere"),
            _world.Combine("repo"),
            "--root",
            _world.Combine("repo/kubernetes"),
            "--cluster",
            "aks-myaks-tst-swn-00"
        );

        exitCode.Should().Be(ExitCodes.Success, output);
        output.Should().Contain("1 cluster, ").And.NotContain("No cluster");
    }

    [Fact]
    public async Task An_absolute_root_in_another_repository_implies_that_repository()
    {
        var (exitCode, output) = await ValidateAsync(
            _world.Combine("elsewhere"),
            _world.Combine("build-project"),
            "--root",
            _world.Combine("repo/kubernetes"),
            "--format",
            "json",
            "--verbosity",
            "quiet"
        );

        exitCode.Should().Be(ExitCodes.Success, output);
        JsonNode.Parse(output)!["summary"]!["clusters"]!.AsArray().Should().HaveCount(2);
        Directory.Exists(_world.Combine("repo/.nuke")).Should().BeFalse("caches belong to the build project");
    }

    [Fact]
    public async Task A_relative_root_typed_from_a_folder_outside_the_repository_starts_at_that_folder()
    {
        var (exitCode, output) = await ValidateAsync(
            _world.Combine("elsewhere/deeper"),
            "../../build-project",
            "--root",
            "../../repo/kubernetes",
            "--cluster",
            "aks-myaks-prd-swn-00"
        );

        exitCode.Should().Be(ExitCodes.Success, output);
        output.Should().Contain("1 cluster, ");
    }

    [Fact]
    public async Task A_relative_output_lands_in_the_working_directory()
    {
        var (exitCode, output) = await ValidateAsync(
            _world.Combine("elsewhere/deeper"),
            _world.Combine("repo"),
            "--format",
            "json",
            "--output",
            "report.json"
        );

        exitCode.Should().Be(ExitCodes.Success, output);
        File.Exists(_world.Combine("elsewhere/deeper/report.json")).Should().BeTrue(output);
        File.Exists(_world.Combine("repo/report.json")).Should().BeFalse();
    }

    [Fact]
    public async Task A_root_outside_every_git_repository_is_a_usage_error_that_says_what_to_pass()
    {
        var outside = new TempDirectory();
        using var _ = outside;
        Directory.CreateDirectory(outside.Combine("kubernetes/clusters"));

        var (exitCode, output) = await ValidateAsync(
            _world.Combine("elsewhere"),
            _world.Combine("build-project"),
            "--root",
            outside.Combine("kubernetes")
        );

        exitCode.Should().Be(ExitCodes.Usage, output);
        output.Should().Contain("is outside the repository root").And.Contain("--repository-root");
    }

    [Fact]
    public void The_default_root_is_found_under_the_repository_whatever_the_working_directory()
    {
        var layout = RepositoryLayoutResolver.Resolve(
            _world.Combine("repo"),
            "kubernetes",
            _world.Combine("elsewhere/deeper")
        );

        layout.Should().Be(new RepositoryLayout(_world.Combine("repo"), "kubernetes"));
    }

    [Fact]
    public void The_repository_root_itself_is_the_tree_dot()
    {
        var layout = RepositoryLayoutResolver.Resolve(_world.Combine("repo"), _world.Combine("repo") + "/", "/");

        layout.KubernetesFolder.Should().Be(".");
    }

    /// <summary>Runs Validate from <paramref name="workingDirectory"/> with <c>--repository-root</c> and further arguments as typed.</summary>
    private static async Task<(int ExitCode, string Output)> ValidateAsync(
        string workingDirectory,
        string repositoryRoot,
        params string[] args
    )
    {
        using var console = new TestConsole().Width(400);
        var environment = new Dictionary<string, string>
        {
            ["SCHEMA_LOCATION"] = Path.Combine(workingDirectory, "no-schemas"),
            ["IGNORE_MISSING_SCHEMAS"] = "true",
        };
        var exitCode = await BuildRunner.RunAsync(
            new Build(),
            ["Validate", "--repository-root", repositoryRoot, .. args],
            new BuildEnvironment(console, environment, workingDirectory),
            CancellationToken.None
        );
        return (exitCode, console.Output);
    }
}
