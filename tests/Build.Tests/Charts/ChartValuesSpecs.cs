using GitOpsRunners.Charts;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Tests.Support.Charts;

namespace GitOpsRunners.Tests.Charts;

/// <summary>
/// A release's values are checked against its chart's values.schema.json as Helm checks them at install: the
/// values from valuesFrom ConfigMaps and spec.values, over the chart's defaults, each error at the values key.
/// </summary>
public sealed class ChartValuesSpecs : IAsyncLifetime, IDisposable
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "required": ["replicaCount", "image"],
          "properties": {
            "replicaCount": { "type": "integer", "minimum": 1 },
            "image": {
              "type": "object",
              "required": ["repository"],
              "properties": { "repository": { "type": "string" }, "tag": { "type": "string" } }
            },
            "mode": { "enum": ["fast", "safe"] }
          }
        }
        """;

    private readonly ChartChecks _checks = new();
    private HelmChartServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await HelmChartServer.StartAsync();
        _server.Add(
            new ChartPackage("app", "1.0.0")
                .With("values.yaml", "replicaCount: 1\nimage:\n  repository: example/app\n  tag: \"1.0\"\n")
                .With("values.schema.json", Schema)
        );
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    public void Dispose() => _checks.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task Values_that_match_the_schema_over_the_chart_defaults_pass()
    {
        // Act
        var result = await _checks.CheckAsync(
            ChartChecks.HelmRelease(_server.Url, "app", "1.0.0", "    replicaCount: 3\n    mode: safe\n")
        );

        // Assert
        result.Findings.Should().BeEmpty("image comes from the chart's values.yaml");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_value_of_the_wrong_type_is_an_error_at_its_key_naming_the_chart_version()
    {
        // Arrange
        var yaml = ChartChecks.HelmRelease(
            _server.Url,
            "app",
            "1.0.0",
            "    replicaCount: \"three\"\n    mode: reckless\n"
        );
        var lines = yaml.Split('\n');

        // Act
        var result = await _checks.CheckAsync(yaml);

        // Assert
        result.Findings.Should().HaveCount(2).And.OnlyContain(f => f.RuleId == ChartRules.ValuesSchema.Id);
        result.Findings.Should().OnlyContain(f => f.Severity == Severity.Error);
        var replicas = result.Findings.Single(f => f.Message.Contains("/replicaCount"));
        replicas
            .Message.Should()
            .StartWith("values of HelmRelease app do not match values.schema.json of chart app 1.0.0: ");
        replicas.Location!.Line.Should().Be(Array.FindIndex(lines, l => l.Contains("replicaCount:")) + 1);
        result
            .Findings.Single(f => f.Message.Contains("/mode"))
            .Location!.Line.Should()
            .Be(Array.FindIndex(lines, l => l.Contains("mode: reckless")) + 1);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_null_value_removes_a_default_the_schema_requires()
    {
        // Act
        var result = await _checks.CheckAsync(
            ChartChecks.HelmRelease(_server.Url, "app", "1.0.0", "    image: null\n")
        );

        // Assert
        result.Findings.Should().ContainSingle().Which.Message.Should().Contain("image");
    }

    [Fact(Timeout = 30_000)]
    public async Task Values_from_a_configmap_are_checked_with_the_inline_values_on_top()
    {
        // Arrange
        var yaml =
            ChartChecks
                .HelmRelease(_server.Url, "app", "1.0.0", "    mode: fast\n")
                .Replace("  chart:\n", "  valuesFrom:\n    - kind: ConfigMap\n      name: app-values\n  chart:\n")
            + """

                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: app-values
                  namespace: apps
                data:
                  values.yaml: |
                    replicaCount: 0
                """;

        // Act
        var result = await _checks.CheckAsync(yaml);

        // Assert
        result.Findings.Should().ContainSingle().Which.Message.Should().Contain("/replicaCount");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_release_with_values_from_a_secret_is_not_checked_since_they_are_unknown_offline()
    {
        // Arrange
        var yaml = ChartChecks
            .HelmRelease(_server.Url, "app", "1.0.0", "    replicaCount: \"three\"\n")
            .Replace("  chart:\n", "  valuesFrom:\n    - kind: Secret\n      name: app-values\n  chart:\n");

        // Act
        var result = await _checks.CheckAsync(yaml);

        // Assert
        result.Findings.Should().BeEmpty();
    }
}
