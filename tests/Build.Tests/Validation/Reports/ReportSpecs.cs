using System.Text.Json.Nodes;
using System.Xml.Linq;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Reports;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Validation.Reports;

public class ReportSpecs
{
    private static readonly ValidationReport Sample = new(
        ["aks-a", "aks-b"],
        41,
        [
            new Finding(
                Severity.Warning,
                "policy-image-digest",
                "image x is not pinned by digest",
                new SourceLocation("kubernetes/b.yaml", 7),
                "aks-a",
                "HelmRelease/ns/x"
            ),
            new Finding(
                Severity.Error,
                "schema",
                "at '/spec/replicas': got string, want integer",
                new SourceLocation("kubernetes/a.yaml", 3, 5),
                "aks-b",
                "Deployment/ns/web"
            ),
            new Finding(
                Severity.Error,
                "yaml-syntax",
                "mapping values are not allowed here",
                new SourceLocation("kubernetes/a.yaml", 1, 4)
            ),
        ]
    );

    [Fact]
    public void The_summary_line_counts_clusters_objects_errors_and_warnings() =>
        Sample.Summary.Should().Be("2 clusters, 41 objects, 2 errors, 1 warning");

    [Fact]
    public void The_text_report_groups_findings_by_file_in_line_order()
    {
        var console = new TestConsole().Width(300);

        TextReport.Write(console, Sample);

        console
            .Lines.Select(l => l.TrimEnd())
            .Should()
            .Equal(
                "kubernetes/a.yaml",
                "  kubernetes/a.yaml:1:4: error yaml-syntax mapping values are not allowed here",
                "  kubernetes/a.yaml:3:5: error schema at '/spec/replicas': got string, want integer (aks-b Deployment/ns/web)",
                "kubernetes/b.yaml",
                "  kubernetes/b.yaml:7: warning policy-image-digest image x is not pinned by digest (aks-a HelmRelease/ns/x)",
                "2 clusters, 41 objects, 2 errors, 1 warning"
            );
    }

    [Fact]
    public void The_json_report_carries_every_field()
    {
        var json = JsonNode.Parse(JsonReport.Render(Sample))!;

        json["summary"]!["errors"]!.GetValue<int>().Should().Be(2);
        json["findings"]!.AsArray().Should().HaveCount(3);
        json["findings"]![1]!["column"]!.GetValue<int>().Should().Be(5);
        json["findings"]![1]!["object"]!.GetValue<string>().Should().Be("Deployment/ns/web");
    }

    [Fact]
    public void The_sarif_report_has_one_rule_per_rule_id_and_located_results()
    {
        var sarif = JsonNode.Parse(SarifReport.Render(Sample, "1.0.0"))!;

        var run = sarif["runs"]![0]!;
        run["tool"]!["driver"]!["rules"]!
            .AsArray()
            .Select(r => r!["id"]!.GetValue<string>())
            .Should()
            .Equal("policy-image-digest", "schema", "yaml-syntax");
        var first = run["results"]![0]!;
        first["level"]!.GetValue<string>().Should().Be("error");
        first["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public void The_junit_report_has_a_suite_per_cluster_and_a_failure_per_error()
    {
        var xml = XDocument.Parse(JUnitReport.Render(Sample));

        xml.Root!.Elements("testsuite")
            .Select(s => (string)s.Attribute("name")!)
            .Should()
            .Equal("repository", "aks-a", "aks-b");
        xml.Descendants("failure").Should().HaveCount(2);
    }

    [Fact]
    public void The_markdown_summary_is_a_table_of_errors_and_warnings()
    {
        var markdown = MarkdownSummary.Render(Sample);

        markdown.Should().StartWith("### Validate: 2 clusters, 41 objects, 2 errors, 1 warning");
        markdown
            .Split('\n')
            .Count(l =>
                l.StartsWith("| error", StringComparison.Ordinal) || l.StartsWith("| warning", StringComparison.Ordinal)
            )
            .Should()
            .Be(3);
    }
}
