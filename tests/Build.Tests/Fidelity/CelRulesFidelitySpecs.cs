using GitOpsRunners.Diagnostics;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Validation.Schemas;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Tests.Fidelity;

/// <summary>
/// The API server's CRD validation rules (apiextensions-apiserver <c>cel.Validator</c>): <c>x-kubernetes-validations</c>
/// run with <c>self</c> bound to their field, a false result rejects the object with the rule's message.
/// </summary>
public sealed class CelRulesFidelitySpecs : FidelitySpecs
{
    private static readonly string WidgetCrd = ExampleCrd.Yaml(
        "Widget",
        ExampleCrd.SpecSchema(
            """
            x-kubernetes-validations:
              - rule: self.min <= self.max
                message: min must not exceed max
              - rule: self.size <= 5
                messageExpression: "'size ' + string(self.size) + ' is too big'"
              - rule: self.name.split('-').size() > 0
              - rule: self.name == oldSelf.name
            properties:
              name:
                type: string
              min:
                type: integer
              max:
                type: integer
              size:
                type: integer
            """
        )
    );

    [Fact(Timeout = 120_000)]
    public async Task A_failed_rule_is_a_finding_with_its_message_at_the_fields_line()
    {
        // Arrange
        Repo.WriteKustomization("apps")
            .Write("kubernetes/apps/crd.yaml", WidgetCrd)
            .Write(
                "kubernetes/apps/widgets.yaml",
                Widget("small", "min: 1\n    max: 2\n    size: 1")
                    + "---\n"
                    + Widget("inverted", "min: 3\n    max: 2\n    size: 9")
                    + "---\n"
                    + Widget("other", "min: 0\n    max: 0\n    size: 0")
            );

        // Act
        var result = await Repo.ValidateAsync();

        // Assert
        if (result is null)
        {
            return;
        }

        var failed = result.Report.Findings.Where(f => f.RuleId == CelRuleEvaluator.FailedRule.Id).ToList();
        failed
            .Select(f => f.Message)
            .Should()
            .BeEquivalentTo("at '/spec': min must not exceed max", "at '/spec': size 9 is too big");
        failed.Should().AllSatisfy(f => f.Severity.Should().Be(Severity.Error));
        failed
            .Should()
            .AllSatisfy(f => f.Location.Should().Be(new SourceLocation("kubernetes/apps/widgets.yaml", 17, 1)));
        failed.Should().AllSatisfy(f => f.Object.Should().Be("Widget/apps/inverted"));
        var notEvaluated = result.Report.Findings.Where(f => f.RuleId == CelRuleEvaluator.NotEvaluatedRule.Id).ToList();
        notEvaluated.Should().HaveCount(2).And.AllSatisfy(f => f.Severity.Should().Be(Severity.Info));
        notEvaluated.Should().ContainSingle(f => f.Message.Contains("split", StringComparison.Ordinal));
        notEvaluated.Should().ContainSingle(f => f.Message.Contains("oldSelf", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_helm_release_with_chart_and_chart_ref_is_refused_with_the_crds_message()
    {
        // Arrange: rule on HelmRelease v2 spec in Flux's CRD (from the schema locations)
        Repo.WriteKustomization("apps")
            .Write(
                "kubernetes/apps/release.yaml",
                """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: podinfo
                  namespace: flux-system
                spec:
                  interval: 10m
                  chart:
                    spec:
                      chart: podinfo
                      sourceRef:
                        kind: HelmRepository
                        name: podinfo
                  chartRef:
                    kind: OCIRepository
                    name: podinfo
                """
            );

        // Act
        var result = await Repo.ValidateAsync();

        // Assert
        if (result is null)
        {
            return;
        }

        var finding = result
            .Report.Findings.Should()
            .ContainSingle(f => f.RuleId == CelRuleEvaluator.FailedRule.Id)
            .Subject;
        finding.Message.Should().Be("at '/spec': either chart or chartRef must be set");
        finding.Location.Should().Be(new SourceLocation("kubernetes/apps/release.yaml", 6, 1));
    }

    private static string Widget(string name, string spec) =>
        $"apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: {name}\n  namespace: apps\nspec:\n  name: {name}\n    {spec}\n".Replace(
            "\n    ",
            "\n  ",
            StringComparison.Ordinal
        );
}
