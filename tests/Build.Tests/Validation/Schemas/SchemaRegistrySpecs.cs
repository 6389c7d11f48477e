using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Validation.Schemas;
using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Tests.Validation.Schemas;

public sealed class SchemaRegistrySpecs : SchemaWorkspaceSpecs
{
    [Fact]
    public async Task A_missing_first_location_falls_through_to_the_next()
    {
        // Arrange
        var root = TestSchemas.WriteStandalone(Work.Temp);
        var registry = Registry([Work.Temp.Combine("nowhere/{{ .ResourceKind }}{{ .KindSuffix }}.json"), root]);

        // Act
        var schema = await registry.ResolveAsync("v1", "ConfigMap", CancellationToken.None);

        // Assert
        schema.Should().NotBeNull();
        schema!.Source.Should().Be(Path.Combine(root, "master-standalone-strict/configmap-v1.json"));
    }

    [Fact]
    public async Task A_kind_no_location_has_resolves_to_null()
    {
        // Arrange
        var registry = Registry([TestSchemas.WriteStandalone(Work.Temp)]);

        // Act
        var schema = await registry.ResolveAsync("example.com/v1", "Gadget", CancellationToken.None);

        // Assert
        schema.Should().BeNull();
    }

    [Fact]
    public async Task A_downloaded_schema_is_cached_on_disk_and_a_second_registry_does_not_ask_the_server()
    {
        // Arrange
        await using var server = await FixedResponseServer.StartAsync(
            new() { ["/master-standalone-strict/configmap-v1.json"] = (200, TestSchemas.ConfigMapStrict) }
        );
        var first = Registry([server.BaseUrl]);
        var second = Registry([server.BaseUrl]);

        // Act
        var downloaded = await first.ResolveAsync("v1", "ConfigMap", CancellationToken.None);
        var again = await first.ResolveAsync("v1", "ConfigMap", CancellationToken.None);
        var fromCache = await second.ResolveAsync("v1", "ConfigMap", CancellationToken.None);

        // Assert
        downloaded.Should().NotBeNull();
        again!.Schema.Should().BeSameAs(downloaded!.Schema);
        fromCache.Should().NotBeNull();
        server.Requests.Should().ContainSingle();
        Directory.GetFiles(Work.Temp.Combine("cache")).Should().ContainSingle();
    }

    [Fact]
    public async Task An_http_404_falls_through_to_the_next_location()
    {
        // Arrange
        await using var server = await FixedResponseServer.StartAsync([]);
        var registry = Registry([server.BaseUrl + "/{{.ResourceKind}}.json", TestSchemas.WriteStandalone(Work.Temp)]);

        // Act
        var schema = await registry.ResolveAsync("v1", "ConfigMap", CancellationToken.None);

        // Assert
        schema!.Source.Should().EndWith("configmap-v1.json");
        server.Requests.Should().Equal("/configmap.json");
    }

    [Fact]
    public async Task Another_http_error_stops_with_a_message_naming_the_url()
    {
        // Arrange
        await using var server = await FixedResponseServer.StartAsync(new() { ["/configmap.json"] = (500, "boom") });
        var registry = Registry([server.BaseUrl + "/{{.ResourceKind}}.json", TestSchemas.WriteStandalone(Work.Temp)]);

        // Act
        var act = () => registry.ResolveAsync("v1", "ConfigMap", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<BuildException>())
            .Which.Message.Should()
            .Contain(server.BaseUrl + "/configmap.json")
            .And.Contain("500");
    }

    [Fact]
    public async Task A_schema_file_that_is_not_json_is_reported_with_its_path()
    {
        // Arrange
        var path = Work.Temp.Write("bad/configmap-v1.json", "{ not json");
        var registry = Registry([Work.Temp.Combine("bad/{{.ResourceKind}}{{.KindSuffix}}.json")]);

        // Act
        var act = () => registry.ResolveAsync("v1", "ConfigMap", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<BuildException>())
            .Which.Message.Should()
            .Contain(path)
            .And.Contain("not valid JSON");
    }

    [Fact]
    public async Task Schemas_from_custom_resource_definitions_are_tried_before_any_location()
    {
        // Arrange
        var registry = Registry([TestSchemas.WriteStandalone(Work.Temp)]);
        var crd = new CrdSchema("example.com", "Widget", "widgets", "v1", JObject.Parse("""{ "type": "object" }"""));

        // Act
        var scoped = registry.WithCustomResources([crd]);
        var fromCrd = await scoped.ResolveAsync("example.com/v1", "Widget", CancellationToken.None);
        var fromFolder = await registry.ResolveAsync("example.com/v1", "Widget", CancellationToken.None);

        // Assert
        fromCrd!.Source.Should().Contain("CustomResourceDefinition widgets.example.com");
        fromFolder!.Source.Should().EndWith("widget-example-v1.json");
    }

    private SchemaRegistry Registry(IReadOnlyList<string> locations, bool strict = true) =>
        Work.Registry(Work.Options(locations, strict: strict));
}
