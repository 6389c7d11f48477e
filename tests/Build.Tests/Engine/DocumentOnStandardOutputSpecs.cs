using System.Text.Json;
using System.Xml.Linq;
using GitOpsRunners.Tests.Versions.Bump;

namespace GitOpsRunners.Tests.Engine;

/// <summary>
/// <c>--format json|sarif|junit</c> without <c>--output</c>: standard output holds the document alone, at any
/// verbosity, for every target that writes one; headers, tables, progress and the summary go to standard error.
/// </summary>
public sealed class DocumentOnStandardOutputSpecs(BumpWorld world) : IClassFixture<BumpWorld>
{
    public static TheoryData<string, string> Runs()
    {
        var runs = new TheoryData<string, string>();
        foreach (var verbosity in new[] { "normal", "verbose" })
        {
            foreach (
                var run in new[]
                {
                    "Validate --format json",
                    "Validate --format sarif",
                    "Validate --format junit",
                    "Versions --format json --check",
                    "Bump --dry-run --format json",
                    "Diff --base HEAD --format json",
                }
            )
            {
                runs.Add(run, verbosity);
            }
        }

        return runs;
    }

    [Theory(Timeout = 90_000)]
    [MemberData(nameof(Runs))]
    public async Task Standard_output_holds_only_the_document(string run, string verbosity)
    {
        // Arrange: a pin edited in the working tree, so that Diff has something to show.
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", $"2.337.0@{world.Runner2337Digest}");
        File.WriteAllText(
            Path.Combine(repository.Root, BumpRepository.VersionsFile),
            BumpRepository.VersionsYaml("0.16.0", "2.9.0", $"2.337.0@{world.Runner2337Digest}")
        );
        var target = run.Split(' ')[0];
        string[] args =
        [
            .. run.Split(' '),
            "--verbosity",
            verbosity,
            "--schema-location",
            Path.Combine(repository.Root, "no-schemas"),
            "--ignore-missing-schemas",
        ];

        // Act
        var result = await repository.RunAsync(args, separateStreams: true);

        // Assert
        var document = result.Output;
        document.Should().NotBeNullOrWhiteSpace(result.StandardError);
        if (run.Contains("junit", StringComparison.Ordinal))
        {
            XDocument.Parse(document).Root!.Name.LocalName.Should().Be("testsuites");
        }
        else
        {
            using var json = JsonDocument.Parse(document);
            json.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
        }

        result.StandardError.Should().Contain($"── {target} ").And.Contain("│ Target");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_usage_error_in_a_json_run_goes_to_standard_error_and_leaves_standard_output_empty()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", $"2.337.0@{world.Runner2337Digest}");

        // Act
        var result = await repository.RunAsync(["Bump", "--format", "json", "--force"], separateStreams: true);

        // Assert
        result.ExitCode.Should().Be(GitOpsRunners.Engine.ExitCodes.Usage, result.StandardError);
        result.Output.Should().BeEmpty();
        result.StandardError.Should().Contain("--force needs --force-reason");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_command_line_that_does_not_parse_is_said_on_standard_error_only()
    {
        // Arrange
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", $"2.337.0@{world.Runner2337Digest}");

        // Act
        var result = await repository.RunAsync(
            ["Validate", "--format", "json", "--registry-retries", "-1"],
            separateStreams: true
        );

        // Assert
        result.ExitCode.Should().Be(GitOpsRunners.Engine.ExitCodes.Usage, result.StandardError);
        result.Output.Should().BeEmpty();
        result.StandardError.Should().Contain("--registry-retries");
    }
}
