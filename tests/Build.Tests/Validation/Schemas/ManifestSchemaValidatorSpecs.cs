using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Tests.Validation.Schemas;

public sealed class ManifestSchemaValidatorSpecs : SchemaWorkspaceSpecs
{
    private const string ConfigMapWithExtra = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: demo
          namespace: apps
        foo: bar
        data:
          key: value
        """;

    [Fact]
    public async Task Strict_mode_rejects_an_unknown_field_at_its_line()
    {
        // Arrange
        var validator = Validator(strict: true);

        // Act
        var findings = await validator.ValidateAsync(TestManifests.Parse(ConfigMapWithExtra), CancellationToken.None);

        // Assert
        var finding = findings.Should().ContainSingle().Subject;
        finding
            .Should()
            .Be(
                new Finding(
                    Severity.Error,
                    "schema",
                    "at '': additional property \"foo\" is not allowed",
                    new GitOpsRunners.Diagnostics.SourceLocation("apps/demo.yaml", 6, 1),
                    Object: "ConfigMap/apps/demo"
                )
            );
    }

    [Fact]
    public async Task Non_strict_mode_uses_the_open_schema_variant()
    {
        // Arrange
        var validator = Validator(strict: false);

        // Act
        var findings = await validator.ValidateAsync(TestManifests.Parse(ConfigMapWithExtra), CancellationToken.None);

        // Assert
        findings.Should().BeEmpty();
    }

    [Fact]
    public async Task Wrong_types_missing_fields_and_oneOf_failures_are_reported_at_their_lines()
    {
        // Arrange
        var manifest = TestManifests.Parse(
            """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
            spec:
              size: "3"
              port: true
              items:
                - name: a
                - nme: b
            """
        );

        // Act
        var findings = await Validator().ValidateAsync(manifest, CancellationToken.None);

        // Assert
        findings
            .Select(f => (f.Message, f.Location!.Line))
            .Should()
            .BeEquivalentTo([
                ("at '/spec/size': got string, want integer or null", 6),
                ("at '/spec/port': got boolean, want string or integer", 7),
                ("at '/spec/items/1': missing property 'name'", 10),
            ]);
    }

    [Fact]
    public async Task A_quoted_number_is_a_string_and_a_plain_one_an_integer()
    {
        // Arrange
        var plain = TestManifests.Parse("apiVersion: example.com/v1\nkind: Widget\nspec:\n  size: 3\n  port: '80'\n");

        // Act
        var findings = await Validator().ValidateAsync(plain, CancellationToken.None);

        // Assert
        findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("ConfigMap")]
    [InlineData("v1/ConfigMap")]
    public async Task A_skipped_kind_is_not_checked(string skip)
    {
        // Arrange
        var validator = Validator(skip: [skip]);

        // Act
        var findings = await validator.ValidateAsync(TestManifests.Parse(ConfigMapWithExtra), CancellationToken.None);

        // Assert
        findings.Should().BeEmpty();
    }

    [Fact]
    public async Task A_skip_entry_with_another_api_version_does_not_match()
    {
        // Arrange
        var validator = Validator(skip: ["v2/ConfigMap"]);

        // Act
        var findings = await validator.ValidateAsync(TestManifests.Parse(ConfigMapWithExtra), CancellationToken.None);

        // Assert
        findings.Should().ContainSingle().Which.Message.Should().Contain("\"foo\"");
    }

    [Fact]
    public async Task A_rejected_kind_is_an_error()
    {
        // Arrange
        var validator = Validator(reject: ["ConfigMap"]);

        // Act
        var findings = await validator.ValidateAsync(TestManifests.Parse(ConfigMapWithExtra), CancellationToken.None);

        // Assert
        findings
            .Should()
            .ContainSingle()
            .Which.Should()
            .Match<Finding>(f =>
                f.RuleId == "schema" && f.Message == "prohibited resource kind ConfigMap" && f.Location!.Line == 1
            );
    }

    [Fact]
    public async Task A_missing_schema_is_an_error_unless_missing_schemas_are_ignored()
    {
        // Arrange
        var manifest = TestManifests.Parse("apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n");

        // Act
        var reported = await Validator().ValidateAsync(manifest, CancellationToken.None);
        var ignored = await Validator(ignoreMissing: true).ValidateAsync(manifest, CancellationToken.None);

        // Assert
        reported
            .Should()
            .ContainSingle()
            .Which.Should()
            .Match<Finding>(f =>
                f.RuleId == "schema-missing"
                && f.Severity == Severity.Error
                && f.Message.StartsWith("could not find schema for Gadget (example.com/v1)")
            );
        ignored.Should().BeEmpty();
    }

    [Fact]
    public async Task Secret_payloads_and_sops_metadata_are_not_validated()
    {
        // Arrange
        var manifest = TestManifests.Parse(
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: s
            data:
              token: ..PLACEHOLDER_token..
            stringData:
              other: 12
            sops:
              version: 3.9.0
            """
        );

        // Act
        var findings = await Validator().ValidateAsync(manifest, CancellationToken.None);

        // Assert
        findings.Should().BeEmpty();
    }

    [Fact]
    public async Task A_body_whose_marks_are_not_from_the_file_is_reported_at_the_manifest_location()
    {
        // Arrange
        var manifest = TestManifests.Parse(ConfigMapWithExtra, file: "apps/kustomization.yaml", documentLine: 200);

        // Act
        var findings = await Validator().ValidateAsync(manifest, CancellationToken.None);

        // Assert
        findings.Should().ContainSingle().Which.Location.Should().Be(manifest.Location);
    }

    [Fact]
    public async Task The_yaml_loader_refuses_duplicate_keys_so_strict_mode_needs_no_second_check()
    {
        // Act
        var act = () => TestManifests.Parse("apiVersion: v1\nkind: ConfigMap\nkind: Secret\n");

        // Assert
        act.Should().Throw<YamlDotNet.Core.YamlException>().WithMessage("*Duplicate key*");
        await Task.CompletedTask;
    }

    private ManifestSchemaValidator Validator(
        bool strict = true,
        bool ignoreMissing = false,
        string[]? skip = null,
        string[]? reject = null
    )
    {
        return Work.Validator(
            Work.Options(
                [TestSchemas.WriteStandalone(Work.Temp)],
                strict: strict,
                ignoreMissing: ignoreMissing,
                skip: skip,
                reject: reject
            )
        );
    }
}
