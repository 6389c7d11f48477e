using GitOpsRunners.Engine;

namespace GitOpsRunners.Tests.Engine;

public sealed class HelpSpecs : IDisposable
{
    private readonly BuildFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact(Timeout = 10_000)]
    public async Task Help_lists_targets_with_dependencies_then_parameters_with_their_variables()
    {
        // Act
        var exitCode = await _fixture.RunAsync("--help");

        // Assert
        exitCode.Should().Be(ExitCodes.Success);
        ApprovedFile.Verify(_fixture.Output, "SampleBuild.help");
    }

    [Fact(Timeout = 10_000)]
    public async Task Help_regenerates_the_schema_in_the_root()
    {
        // Act
        await _fixture.RunAsync("-h");

        // Assert
        var schema = File.ReadAllText(_fixture.Root.Combine(".nuke/build.schema.json"));
        schema
            .Should()
            .Be(
                BuildSchema.Generate(
                    ParameterDiscovery.Discover(new SampleBuild()),
                    TargetDiscovery.Discover(new SampleBuild())
                )
            );
    }
}
