using GitOpsRunners.Charts;
using GitOpsRunners.Tests.Support.Charts;
using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Tests.Charts;

public class TemplateConditionsSpecs
{
    private static readonly JObject Values = JObject.Parse(
        """
        {
          "installCRDs": true,
          "crds": { "annotations": {}, "conversion": { "enabled": false }, "createPushSecret": true },
          "webhook": { "create": true },
          "name": ""
        }
        """
    );

    [Theory]
    [InlineData("{{- if .Values.installCRDs }}", true)]
    [InlineData("{{- if .Values.crds.conversion.enabled }}", false)]
    [InlineData("{{- with .Values.crds.annotations }}", false)]
    [InlineData("{{- if .Values.name }}", false)]
    [InlineData("{{- if .Values.missing.entirely }}", false)]
    [InlineData("{{- if not .Values.crds.conversion.enabled }}", true)]
    [InlineData("{{- if and .Values.crds.conversion.enabled .Values.webhook.create }}", false)]
    [InlineData("{{- if and (.Values.installCRDs) (.Values.crds.createPushSecret) }}", true)]
    [InlineData("{{- if or .Values.crds.conversion.enabled .Values.webhook.create }}", true)]
    [InlineData("{{- if eq .Release.Namespace \"kube-system\" }}", true)]
    public void A_branch_is_kept_exactly_when_go_template_truth_of_its_condition_holds(string opening, bool kept)
    {
        var resolved = TemplateConditions.Resolve($"{opening}\ninside: 1\n{{{{- end }}}}\nafter: 2", Values);

        resolved.Contains("inside: 1", StringComparison.Ordinal).Should().Be(kept);
        resolved.Should().Contain("after: 2").And.NotContain("{{");
    }

    [Fact]
    public void Else_takes_over_when_the_if_branch_does_not_hold()
    {
        var resolved = TemplateConditions.Resolve(
            "{{- if .Values.crds.conversion.enabled }}\nstrategy: Webhook\n{{- else if .Values.webhook.create }}\nstrategy: Hook\n{{- else }}\nstrategy: None\n{{- end }}",
            Values
        );

        resolved.Trim().Should().Be("strategy: Hook");
    }

    [Fact]
    public void A_dropped_branch_takes_its_template_actions_with_it_and_a_kept_one_leaves_them_for_the_reader()
    {
        var resolved = TemplateConditions.Resolve(
            "annotations:\n  {{- with .Values.crds.annotations }}\n  {{- toYaml . | nindent 4 }}\n  {{- end }}\n  {{- if .Values.webhook.create }}\n  ca: {{ .Release.Namespace }}\n  {{- end }}",
            Values
        );

        resolved.Should().NotContain("toYaml").And.Contain("ca: {{ .Release.Namespace }}");
    }

    [Fact]
    public void Without_values_every_condition_is_assumed_to_hold()
    {
        var resolved = TemplateConditions.Resolve("{{- if .Values.off }}\na: 1\n{{- end }}", values: null);

        resolved.Trim().Should().Be("a: 1");
    }

    /// <summary>The External Secrets CRDs' annotations: template actions under <c>with</c> and <c>if</c>, written under <c>metadata</c>.</summary>
    private const string EsoCrdAnnotations = """
          annotations:
            {{- with .Values.crds.annotations }}
            {{- toYaml . | nindent 4}}
            {{- end }}
            {{- if and .Values.crds.conversion.enabled .Values.webhook.create }}
            cert-manager.io/inject-ca-from: {{ .Release.Namespace }}/external-secrets-webhook
            {{- end }}

        """;

    /// <summary>The External Secrets CRDs' webhook conversion under <c>spec</c>, kept only when conversion is enabled.</summary>
    private const string EsoCrdConversion = """
          {{- if .Values.crds.conversion.enabled }}
          conversion:
            strategy: Webhook
            webhook:
              clientConfig:
                service:
                  name: {{ include "external-secrets.fullname" . }}-webhook
          {{- end }}

        """;

    [Fact]
    public void An_external_secrets_style_crd_template_reads_as_a_crd_under_the_chart_defaults()
    {
        var archive = new ChartArchive(
            "sha256:0",
            new Dictionary<string, string>
            {
                ["templates/crds/externalsecret.yaml"] =
                    "{{- if .Values.installCRDs }}\n"
                    + ChartPackage
                        .Crd("external-secrets.io", "ExternalSecret", ChartPackage.CrdVersion("v1", storage: true))
                        .Replace("metadata:\n", "metadata:\n" + EsoCrdAnnotations, StringComparison.Ordinal)
                    + EsoCrdConversion
                    + "{{- end }}\n",
            }
        );

        var read = ChartCrdReader.Read(archive, "external-secrets-0.17.0.tgz", Values);

        read.Unreadable.Should().BeEmpty();
        read.Crds.Should().ContainSingle().Which.Name.Should().Be("externalsecrets.external-secrets.io");
    }
}
