using GitOpsRunners.Charts;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Tests.Support.Charts;

namespace GitOpsRunners.Tests.Charts;

/// <summary>
/// Custom resources are checked against the CRDs of the chart version the cluster pins, as the API server serves
/// them: a version absent from the CRD or <c>served: false</c> is refused, a deprecated one warns.
/// </summary>
public sealed class ChartCrdVersionSpecs : IAsyncLifetime, IDisposable
{
    private readonly ChartChecks _checks = new();
    private HelmChartServer _server = null!;

    public async Task InitializeAsync() => _server = await HelmChartServer.StartAsync();

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    public void Dispose() => _checks.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task A_resource_at_a_version_the_pinned_crd_serves_passes_and_takes_the_charts_schema()
    {
        // Arrange
        var crd = ChartPackage.CrdVersion("v1", storage: true);

        // Act
        var result = await CheckWidgetAsync("1.0.0", crd, "example.com/v1");

        // Assert
        result.Findings.Should().BeEmpty();
        result.Schemas.Should().ContainSingle().Which.Schema.ApiVersion.Should().Be("example.com/v1");
        result.Schemas[0].Digest.Should().StartWith("sha256:");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(
        "2.0.0",
        null,
        "example.com/v1beta1",
        "example.com/v1beta1 is not served by the CRDs of chart widgets 2.0.0; use v1"
    )]
    [InlineData(
        "3.0.0",
        "v1alpha1",
        "example.com/v1alpha1",
        "example.com/v1alpha1 is not served by the CRDs of chart widgets 3.0.0 (served: false); use v1"
    )]
    public async Task A_version_the_crd_no_longer_lists_or_lists_with_served_false_is_an_error_naming_the_version_to_use(
        string chartVersion,
        string? listedUnserved,
        string apiVersion,
        string message
    )
    {
        // Arrange
        var crd =
            (listedUnserved is null ? "" : ChartPackage.CrdVersion(listedUnserved, served: false))
            + ChartPackage.CrdVersion("v1", storage: true);
        var apiVersionLine =
            Array.FindIndex(
                WidgetRelease(chartVersion, apiVersion).Split('\n'),
                l => l.StartsWith("apiVersion: example.com", StringComparison.Ordinal)
            ) + 1;

        // Act
        var result = await CheckWidgetAsync(chartVersion, crd, apiVersion);

        // Assert
        var error = result.Findings.Should().ContainSingle().Subject;
        error.Severity.Should().Be(Severity.Error);
        error.RuleId.Should().Be(ChartRules.CrdVersion.Id);
        error.Message.Should().StartWith(message);
        error.Location!.File.Should().Be("apps.yaml");
        error.Location.Line.Should().Be(apiVersionLine, "the finding points at the Widget's apiVersion");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_deprecated_version_warns_with_the_crds_own_deprecation_warning()
    {
        // Arrange
        var crd =
            ChartPackage.CrdVersion(
                "v1beta1",
                extra: "      deprecated: true\n      deprecationWarning: example.com/v1beta1 Widget is deprecated; use v1\n"
            ) + ChartPackage.CrdVersion("v1", storage: true);

        // Act
        var result = await CheckWidgetAsync("4.0.0", crd, "example.com/v1beta1");

        // Assert
        var warning = result.Findings.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(Severity.Warning);
        warning.RuleId.Should().Be(ChartRules.CrdDeprecated.Id);
        warning
            .Message.Should()
            .StartWith("example.com/v1beta1 Widget is deprecated; use v1 (CRD of chart widgets 4.0.0");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_crd_template_wrapped_in_if_and_end_is_read_and_one_that_needs_helm_is_said_once()
    {
        // Arrange
        var wrapped =
            "{{- if .Values.installCRDs }}\n"
            + ChartPackage.Crd("example.com", "Widget", ChartPackage.CrdVersion("v1", storage: true))
            + "{{- end }}\n";
        var templated = ChartPackage
            .Crd("example.com", "Gadget", ChartPackage.CrdVersion("v1", storage: true))
            .Replace(
                "  name: gadgets.example.com",
                "  name: gadgets.example.com\n  labels:\n    {{- toYaml .Values.labels | nindent 4 }}"
            );
        _server.Add(
            new ChartPackage("widgets", "5.0.0")
                .With("values.yaml", "installCRDs: true\n")
                .With("templates/crds/widget.yaml", wrapped)
                .With("templates/crds/gadget.yaml", templated)
                .With(
                    "templates/deployment.yaml",
                    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n"
                )
        );

        // Act
        var result = await _checks.CheckAsync(
            ChartChecks.HelmRelease(_server.Url, "widgets", "5.0.0")
                + ChartChecks.Resource("example.com/v2", "Widget", "w")
                + ChartChecks.Resource("example.com/v1", "Gadget", "g")
        );

        // Assert
        result
            .Findings.Select(f => f.RuleId)
            .Should()
            .BeEquivalentTo([ChartRules.CrdVersion.Id, ChartRules.CrdTemplate.Id]);
        result
            .Findings.Single(f => f.RuleId == ChartRules.CrdTemplate.Id)
            .Message.Should()
            .Contain(
                "templates/crds/gadget.yaml is a CRD template that needs Helm to render ({{- toYaml .Values.labels"
            );
        result.Schemas.Select(s => s.Schema.Kind).Should().Equal("Widget");
    }

    /// <summary>
    /// Serves chart <c>widgets</c> at <paramref name="chartVersion"/> with a Widget CRD listing <paramref name="crdVersions"/>,
    /// then checks a Widget at <paramref name="apiVersion"/> released from that chart.
    /// </summary>
    private Task<ChartCheckResult> CheckWidgetAsync(string chartVersion, string crdVersions, string apiVersion)
    {
        _server.Add(
            new ChartPackage("widgets", chartVersion).With(
                "crds/widget.yaml",
                ChartPackage.Crd("example.com", "Widget", crdVersions)
            )
        );
        return _checks.CheckAsync(WidgetRelease(chartVersion, apiVersion));
    }

    private string WidgetRelease(string chartVersion, string apiVersion) =>
        ChartChecks.HelmRelease(_server.Url, "widgets", chartVersion) + ChartChecks.Resource(apiVersion, "Widget", "w");
}
