using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Engine;

/// <summary><c>.Requires(() => X).When(() => Y)</c>: a value needed only with another parameter, checked before anything runs.</summary>
public sealed class ConditionalRequirementSpecs : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly TestConsole _console = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly PublishingBuild _build = new();

    public ConditionalRequirementSpecs()
    {
        _root.Write(".nuke/parameters.json", "{}");
        _console.Profile.Width = 200;
    }

    public void Dispose()
    {
        _console.Dispose();
        _root.Dispose();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_value_needed_with_a_flag_is_reported_as_a_usage_error_naming_the_flag_before_anything_runs()
    {
        // Act
        var exitCode = await RunAsync("Deliver", "--pr");

        // Assert
        exitCode.Should().Be(ExitCodes.Usage);
        _build.Ran.Should().BeEmpty();
        _console
            .Output.Should()
            .Contain("Deliver requires the environment variable GITHUB_TOKEN with --pr and no --dry-run.");
    }

    [Theory(Timeout = 10_000)]
    [InlineData("")]
    [InlineData("--dry-run")]
    [InlineData("--pr --dry-run")]
    public async Task Without_its_condition_the_value_is_not_needed(string options)
    {
        // Act
        var exitCode = await RunAsync(["Deliver", .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, _console.Output);
        _build.Ran.Should().Equal("Deliver");
    }

    [Fact(Timeout = 10_000)]
    public async Task With_its_condition_and_its_value_the_target_runs()
    {
        // Arrange
        _environment["GITHUB_TOKEN"] = "ghs_test";

        // Act
        var exitCode = await RunAsync("Deliver", "--pr");

        // Assert
        exitCode.Should().Be(ExitCodes.Success, _console.Output);
        _build.Ran.Should().Equal("Deliver");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_condition_on_an_optional_value_reads_as_the_option_that_sets_it()
    {
        // Act
        var exitCode = await RunAsync("Dispatch", "--workflow", "smoke.yml");

        // Assert
        exitCode.Should().Be(ExitCodes.Usage);
        _console.Output.Should().Contain("Dispatch requires the environment variable GITHUB_TOKEN with --workflow.");
    }

    [Fact]
    public void When_without_a_requirement_before_it_is_a_declaration_error()
    {
        // Arrange
        var builder = new TargetBuilder();

        // Act
        var act = () => builder.When(() => true);

        // Assert
        act.Should().Throw<InvalidOperationException>().WithMessage("*Requires(...) first*");
    }

    private Task<int> RunAsync(params string[] args) =>
        BuildRunner.RunAsync(
            _build,
            [.. args, "--verbosity", "quiet"],
            new BuildEnvironment(_console, _environment, _root.Path),
            CancellationToken.None
        );

    private sealed class PublishingBuild : BuildDefinition
    {
        public List<string> Ran { get; } = [];

        [Parameter("Open a pull request")]
        public bool Pr { get; set; }

        [Parameter("Only print what would change")]
        public bool DryRun { get; set; }

        [Parameter("Workflow to dispatch")]
        public string? Workflow { get; set; }

        [Parameter("Token for the GitHub API")]
        [Secret]
        public string? GitHubToken { get; set; }

        Target Deliver =>
            _ =>
                _.Description("Write or publish")
                    .Requires(() => GitHubToken)
                    .When(() => Pr && !DryRun)
                    .Executes(() => Ran.Add(nameof(Deliver)));

        Target Dispatch =>
            _ =>
                _.Description("Dispatch a workflow")
                    .Requires(() => GitHubToken)
                    .When(() => Workflow is not null)
                    .Executes(() => Ran.Add(nameof(Dispatch)));
    }
}
