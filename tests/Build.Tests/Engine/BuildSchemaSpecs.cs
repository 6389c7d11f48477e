using System.Text.Json;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Tests.Engine;

public class BuildSchemaSpecs
{
    private static JsonElement Properties()
    {
        var build = new SampleBuild();
        var schema = BuildSchema.Generate(ParameterDiscovery.Discover(build), TargetDiscovery.Discover(build));
        return JsonDocument.Parse(schema).RootElement.GetProperty("properties");
    }

    /// <summary>The values a schema node's <c>enum</c> allows, in order.</summary>
    private static IEnumerable<string?> EnumOf(JsonElement node) =>
        node.GetProperty("enum").EnumerateArray().Select(e => e.GetString());

    [Fact]
    public void Every_non_secret_parameter_has_its_description_and_type()
    {
        // Act
        var properties = Properties();

        // Assert
        properties.GetProperty("Cluster").GetProperty("description").GetString().Should().Be("Cluster to work on");
        properties.GetProperty("Cluster").GetProperty("type").GetString().Should().Be("string");
        properties.GetProperty("Retries").GetProperty("type").GetString().Should().Be("integer");
        properties.GetProperty("IgnoreMissingSchemas").GetProperty("type").GetString().Should().Be("boolean");
        properties
            .GetProperty("SchemaLocation")
            .GetProperty("items")
            .GetProperty("type")
            .GetString()
            .Should()
            .Be("string");
        EnumOf(properties.GetProperty("Format")).Should().Equal("text", "json", "sarif", "junit", "github");
    }

    [Fact]
    public void Secrets_are_not_in_the_schema()
    {
        // Act
        var properties = Properties();

        // Assert
        properties.TryGetProperty("GitHubToken", out _).Should().BeFalse();
    }

    [Fact]
    public void Target_and_skip_are_arrays_of_the_target_names()
    {
        // Act
        var properties = Properties();

        // Assert
        foreach (var name in new[] { "Target", "Skip" })
        {
            EnumOf(properties.GetProperty(name).GetProperty("items"))
                .Should()
                .Equal("Restore", "Compile", "Validate", "Publish", "Report");
        }
    }

    [Fact]
    public void The_committed_schema_matches_the_build()
    {
        // Arrange
        var root = RootDirectoryLocator.Find(AppContext.BaseDirectory);
        if (root is null || !File.Exists(Path.Combine(root, "build", "Build.csproj")))
        {
            return;
        }

        var build = new Build();

        // Act
        var expected = BuildSchema.Generate(ParameterDiscovery.Discover(build), TargetDiscovery.Discover(build));

        // Assert
        File.ReadAllText(Path.Combine(root, BuildSchema.RelativePath))
            .ReplaceLineEndings("\n")
            .Should()
            .Be(expected, "run ./build.sh --help to regenerate .nuke/build.schema.json");
    }
}
