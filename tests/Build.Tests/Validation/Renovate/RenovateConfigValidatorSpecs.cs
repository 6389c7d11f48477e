using System.Diagnostics;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Renovate;

namespace GitOpsRunners.Tests.Validation.Renovate;

public sealed class RenovateConfigValidatorSpecs : IDisposable
{
    private const string Good = """
        {
          "$schema": "https://docs.renovatebot.com/renovate-schema.json",
          "extends": ["config:recommended"],
          "prHourlyLimit": 2,
          "kubernetes": { "managerFilePatterns": ["/kubernetes/.+\\.yaml$/"] },
          "flux": { "managerFilePatterns": ["/kubernetes/.+\\.yaml$/"] },
          "packageRules": [
            { "matchDatasources": ["docker"], "matchPackageNames": ["ghcr.io/actions/**"], "automerge": true }
          ]
        }
        """;

    private static readonly HttpClient Http = new();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_valid_config_passes_the_real_schema()
    {
        if (RealValidator() is not { } validator)
        {
            return;
        }

        // Arrange
        var path = _temp.Write("renovate.json", Good);
        var clock = Stopwatch.StartNew();

        // Act
        var findings = await validator.ValidateAsync(path, "renovate.json", CancellationToken.None);

        // Assert
        findings.Should().BeEmpty();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Unknown_options_and_wrong_types_are_reported_at_their_lines()
    {
        if (RealValidator() is not { } validator)
        {
            return;
        }

        // Arrange
        var path = _temp.Write(
            "renovate.json",
            """
            {
              "extends": ["config:recommended"],
              "prHourlyLimit": "two",
              "automergeEverything": true,
              "kubernetes": { "managerFilePatterns": ["/x/"], "automerge": 3 },
              "platform": "github"
            }
            """
        );

        // Act
        var findings = await validator.ValidateAsync(path, "renovate.json", CancellationToken.None);

        // Assert
        findings.Should().OnlyContain(f => f.RuleId == "renovate-schema" && f.Severity == Severity.Error);
        findings
            .Select(f => (f.Message, f.Location!.Line))
            .Should()
            .BeEquivalentTo([
                ("at '/prHourlyLimit': got string, want integer", 3),
                ("at '': unknown option \"automergeEverything\"", 4),
                ("at '/kubernetes/automerge': got integer, want boolean", 5),
                ("at '/platform': option \"platform\" is only allowed in the global (self-hosted) configuration", 6),
            ]);
    }

    [Fact]
    public async Task Invalid_json_is_a_syntax_finding_with_line_and_column()
    {
        // Arrange
        var schema = _temp.Write("schema.json", """{ "type": "object" }""");
        var path = _temp.Write(
            "renovate.json",
            "{\n  \"extends\": [\"config:recommended\"]\n  \"automerge\": true\n}\n"
        );
        var validator = Validator(schema);

        // Act
        var findings = await validator.ValidateAsync(path, "renovate.json", CancellationToken.None);

        // Assert
        var finding = findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("renovate-syntax");
        finding.Location!.ToString().Should().Be("renovate.json:3:2");
    }

    [Fact]
    public async Task A_schema_url_is_downloaded_once_into_the_cache()
    {
        // Arrange
        await using var server = await FixedResponseServer.StartAsync(
            new()
            {
                ["/renovate-schema.json"] = (
                    200,
                    """{ "type": "object", "properties": { "automerge": { "type": "boolean" } } }"""
                ),
            }
        );
        var path = _temp.Write("renovate.json", "{\n  \"automerge\": \"yes\"\n}\n");
        var url = server.BaseUrl + "/renovate-schema.json";

        // Act
        var first = await Validator(url).ValidateAsync(path, "renovate.json", CancellationToken.None);
        var second = await Validator(url).ValidateAsync(path, "renovate.json", CancellationToken.None);

        // Assert
        first.Should().ContainSingle().Which.Location!.Line.Should().Be(2);
        second.Should().BeEquivalentTo(first);
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task An_unreachable_schema_url_says_to_set_RENOVATE_SCHEMA()
    {
        // Arrange
        await using var server = await FixedResponseServer.StartAsync([]);
        var path = _temp.Write("renovate.json", "{}");
        var validator = Validator(server.BaseUrl + "/renovate-schema.json");

        // Act
        var act = () => validator.ValidateAsync(path, "renovate.json", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<BuildException>())
            .Which.Message.Should()
            .Contain("RENOVATE_SCHEMA")
            .And.Contain(server.BaseUrl);
    }

    [Fact]
    public async Task A_missing_local_schema_file_says_to_set_RENOVATE_SCHEMA()
    {
        // Arrange
        var path = _temp.Write("renovate.json", "{}");
        var validator = Validator(_temp.Combine("nope.json"));

        // Act
        var act = () => validator.ValidateAsync(path, "renovate.json", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<BuildException>())
            .Which.Message.Should()
            .Contain("nope.json")
            .And.Contain("RENOVATE_SCHEMA");
    }

    private RenovateConfigValidator? RealValidator() =>
        SharedData.SchemasRoot is { } root ? Validator(Path.Combine(root, "renovate/renovate-schema.json")) : null;

    /// <summary>A validator reading its schema from <paramref name="schema"/> (a file or URL), cached in this spec's temp folder.</summary>
    private RenovateConfigValidator Validator(string schema) =>
        new(new RenovateSchemaSource(schema, _temp.Combine("cache"), Http));
}
