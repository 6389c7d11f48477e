using GitOpsRunners.Engine;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

public sealed class HelmIndexReaderSpecs
{
    private static readonly Uri IndexUri = new("https://charts.example.com/stable/index.yaml");

    [Fact]
    public void A_json_index_is_read_like_yaml()
    {
        // Arrange
        const string json =
            """{"apiVersion":"v1","entries":{"app":[{"version":"1.0.0","urls":["app-1.0.0.tgz"],"digest":"ab"},{"version":"1.1.0"}]}}""";

        // Act
        var charts = HelmIndexReader.Read(new StringReader(json), IndexUri);

        // Assert
        charts["app"].Select(v => v.Version).Should().Equal("1.1.0", "1.0.0");
        charts["app"][1].Urls.Should().Equal(new Uri("https://charts.example.com/stable/app-1.0.0.tgz"));
    }

    [Fact]
    public void An_index_without_api_version_is_not_a_helm_index()
    {
        // Act
        var act = () => HelmIndexReader.Read(new StringReader("entries:\n  app:\n  - version: 1.0.0\n"), IndexUri);

        // Assert
        act.Should().Throw<BuildException>().WithMessage("*index.yaml: the Helm repository index has no apiVersion*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("- just\n- a list\n")]
    public void An_empty_or_non_mapping_index_is_rejected(string text)
    {
        // Act
        var act = () => HelmIndexReader.Read(new StringReader(text), IndexUri);

        // Assert
        act.Should().Throw<BuildException>().WithMessage("*empty or not a mapping*");
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_the_index_url_and_line()
    {
        // Act
        var act = () =>
            HelmIndexReader.Read(new StringReader("apiVersion: v1\nentries:\n  app:\n  - version: [1.0.0\n"), IndexUri);

        // Assert
        act.Should()
            .Throw<BuildException>()
            .WithMessage("https://charts.example.com/stable/index.yaml:*not valid YAML*");
    }

    [Fact]
    public void Odd_shapes_inside_entries_are_skipped_not_fatal()
    {
        // Arrange
        const string yaml = """
            apiVersion: v1
            entries:
              broken: not-a-list
              app:
              - just-a-string
              - version: 2.0.0
                urls: not-a-list
                dependencies: [{name: x, version: 9.9.9}]
              - appVersion: no-version-here
              - version: null-urls
                urls:
            """;

        // Act
        var charts = HelmIndexReader.Read(new StringReader(yaml), IndexUri);

        // Assert
        charts.Should().ContainKey("app").And.NotContainKey("broken");
        charts["app"].Select(v => v.Version).Should().Equal("2.0.0", "null-urls");
        charts["app"].Should().OnlyContain(v => v.Urls.Count == 0);
    }
}
