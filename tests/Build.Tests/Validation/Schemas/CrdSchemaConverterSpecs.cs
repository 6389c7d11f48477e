using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Validation.Schemas;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Tests.Validation.Schemas;

public sealed class CrdSchemaConverterSpecs : SchemaWorkspaceSpecs
{
    private static readonly string Crd = ExampleCrd.Yaml(
        "Widget",
        ExampleCrd.SpecSchema(
            """
            required: [size]
            properties:
              size:
                type: integer
              port:
                format: int-or-string
                x-kubernetes-int-or-string: true
              labels:
                type: object
                additionalProperties:
                  type: string
            """
        ),
        moreVersions: """
        - name: v1alpha1
          served: false
          storage: false
          schema:
            openAPIV3Schema:
              type: object
        """
    );

    [Fact]
    public void Each_served_version_becomes_a_schema_with_nested_objects_closed_and_the_root_open()
    {
        // Act
        var schemas = new CrdSchemaConverter().Convert(TestManifests.Parse(Crd));

        // Assert
        var schema = schemas.Should().ContainSingle().Subject;
        schema.ApiVersion.Should().Be("example.com/v1");
        schema
            .Schema.ToString(Formatting.None)
            .Should()
            .Be(
                """{"type":"object","properties":{"spec":{"type":"object","required":["size"],"properties":{"size":{"type":"integer"},"port":{"oneOf":[{"type":"string"},{"type":"integer"}]},"labels":{"type":"object","additionalProperties":{"type":"string"}}},"additionalProperties":false}}}"""
            );
    }

    [Fact]
    public void The_root_can_be_closed_too()
    {
        // Act
        var schema = new CrdSchemaConverter(denyRootAdditionalProperties: true).Convert(TestManifests.Parse(Crd))[0];

        // Assert
        schema.Schema["additionalProperties"]!
            .Value<bool>()
            .Should()
            .BeFalse();
    }

    [Theory]
    [InlineData(CrdSchemaLayout.KindVersion, "widget_v1.json")]
    [InlineData(CrdSchemaLayout.GroupKindVersion, "example.com/widget_v1.json")]
    [InlineData(CrdSchemaLayout.KubeconformStandalone, "master-standalone-strict/widget-example-v1.json")]
    public async Task Written_schemas_follow_the_layout_and_can_be_found_again(CrdSchemaLayout layout, string expected)
    {
        // Arrange
        var crd = TestManifests.Parse(Crd);
        var configMap = TestManifests.Parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");

        // Act
        var written = await new CrdSchemaConverter(layout).WriteAsync(
            [crd, configMap],
            Work.Temp.Combine("out"),
            CancellationToken.None
        );

        // Assert
        written.Should().Contain(Path.Combine(Work.Temp.Combine("out"), expected));
        JObject.Parse(await File.ReadAllTextAsync(Path.Combine(Work.Temp.Combine("out"), expected)))["type"]!
            .ToString()
            .Should()
            .Be("object");
    }

    [Fact]
    public async Task A_converted_schema_in_the_registry_rejects_an_unknown_spec_field()
    {
        // Arrange
        var options = Work.Options([]);
        var registry = Work.Registry(options)
            .WithCustomResources(new CrdSchemaConverter().Convert(TestManifests.Parse(Crd)));
        var widget = TestManifests.Parse(
            "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 1\n  port: http\n  colour: red\n"
        );

        // Act
        var findings = await new ManifestSchemaValidator(registry, options).ValidateAsync(
            widget,
            CancellationToken.None
        );

        // Assert
        findings
            .Should()
            .ContainSingle()
            .Which.Should()
            .Match<GitOpsRunners.Diagnostics.Finding>(f =>
                f.Message == "at '/spec': additional property \"colour\" is not allowed" && f.Location!.Line == 8
            );
    }

    [Fact]
    public void A_crd_without_a_group_is_an_error_naming_its_file()
    {
        // Arrange
        var crd = TestManifests.Parse(
            "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x\nspec:\n  names:\n    kind: X\n",
            file: "crds/x.yaml"
        );

        // Act
        var act = () => new CrdSchemaConverter().Convert(crd);

        // Assert
        act.Should().Throw<BuildException>().WithMessage("crds/x.yaml:1: *spec.group*");
    }
}
