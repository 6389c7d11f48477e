using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Tests.Validation.Rules;

public class PolicySpecs
{
    [Fact]
    public void A_helm_release_without_drift_detection_or_remediation_gets_two_warnings()
    {
        var findings = TestCluster.Check(
            new HelmRemediationPolicy(),
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: x, namespace: flux-system}
            spec: {}
            """
        );

        findings
            .Select(f => f.Message)
            .Should()
            .HaveCount(2)
            .And.Contain(m => m.Contains("driftDetection"))
            .And.Contain(m => m.Contains("remediation"));
    }

    [Fact]
    public void A_container_without_limits_is_reported_by_name()
    {
        var finding = TestCluster.SingleFinding(
            new ResourcesPolicy(),
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: nginx@sha256:abc
                      resources: {requests: {cpu: 10m}}
            """
        );

        finding
            .Message.Should()
            .Be("container 'app' has no resource limits; set resources.requests and resources.limits");
    }

    [Fact]
    public void Runner_containers_in_scale_set_values_are_checked_too()
    {
        var finding = TestCluster.SingleFinding(
            new ResourcesPolicy(),
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: runners, namespace: arc-runners}
            spec:
              values:
                template:
                  spec:
                    containers:
                      - name: runner
                        image: ghcr.io/x/runner:1@sha256:abc
            """
        );

        finding.Message.Should().Contain("'runner'");
    }

    [Fact]
    public void A_namespace_without_pod_security_labels_is_reported()
    {
        var finding = TestCluster.SingleFinding(
            new PodSecurityPolicy(),
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: open}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: closed, labels: {pod-security.kubernetes.io/enforce: restricted}}
            """
        );

        finding.Object.Should().Be("Namespace/open");
    }

    [Theory]
    [InlineData("image: ghcr.io/x/runner:2.330.0", 1)]
    [InlineData("image: ghcr.io/x/runner:2.330.0@sha256:0123", 0)]
    [InlineData("image: {repository: ghcr.io/x/runner, tag: 2.330.0}", 1)]
    [InlineData("image: {repository: ghcr.io/x/runner, tag: 2.330.0, digest: 'sha256:0123'}", 0)]
    [InlineData("image: Always please", 0)]
    public void Images_in_helm_values_must_be_pinned_by_digest(string values, int expected)
    {
        var findings = TestCluster.Check(
            new ImageDigestPolicy(),
            $$$"""
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: x, namespace: y}
            spec:
              values:
                nested: { {{{values}}} }
            """
        );

        findings.Should().HaveCount(expected);
    }

    [Theory]
    [InlineData("helm.toolkit.fluxcd.io/v2beta2", "HelmRelease", "helm.toolkit.fluxcd.io/v2")]
    [InlineData("source.toolkit.fluxcd.io/v1beta2", "OCIRepository", "source.toolkit.fluxcd.io/v1")]
    [InlineData("external-secrets.io/v1beta1", "ExternalSecret", "external-secrets.io/v1")]
    [InlineData("notification.toolkit.fluxcd.io/v1beta3", "Receiver", "notification.toolkit.fluxcd.io/v1")]
    public void Deprecated_api_versions_name_their_replacement(string apiVersion, string kind, string replacement)
    {
        var finding = TestCluster.SingleFinding(
            new DeprecatedApiPolicy(),
            $$"""
            apiVersion: {{apiVersion}}
            kind: {{kind}}
            metadata: {name: x, namespace: y}
            """
        );

        finding.Message.Should().EndWith($"use {replacement}");
    }

    [Fact]
    public void Current_api_versions_are_not_reported()
    {
        var findings = TestCluster.Check(
            new DeprecatedApiPolicy(),
            """
            apiVersion: notification.toolkit.fluxcd.io/v1beta3
            kind: Provider
            metadata: {name: x, namespace: y}
            """
        );

        findings.Should().BeEmpty();
    }

    [Fact]
    public void A_plaintext_secret_is_an_error_but_a_sops_one_is_not()
    {
        var finding = TestCluster.SingleFinding(
            new PlaintextSecretPolicy(),
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: clear, namespace: y}
            stringData: {token: abc}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: sealed, namespace: y}
            data: {token: "ENC[AES256_GCM,data:xyz]"}
            sops: {version: 3.9.0}
            """
        );

        finding.Should().Match<Finding>(f => f.Object == "Secret/y/clear" && f.Severity == Severity.Error);
    }

    [Fact]
    public void Token_like_strings_are_found_with_line_and_column()
    {
        var text = "a: 1\nb: \"ghp_" + new string('a', 36) + "\"\n-----BEGIN OPENSSH PRIVATE KEY-----\n";

        var findings = TokenScanner.Scan("kubernetes/x.yaml", text).ToList();

        findings.Select(f => f.Location!.ToString()).Should().Equal("kubernetes/x.yaml:2:5", "kubernetes/x.yaml:3:1");
    }

    [Fact]
    public void An_opt_out_annotation_silences_one_rule_on_one_object()
    {
        var cluster = TestCluster.From(
            $$$"""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: open
              annotations: {{{{RuleCatalog.IgnoreAnnotation}}}: "policy-pod-security"}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: other}
            """
        );

        var findings = new RuleSet(RuleSet.Default, new HashSet<string>()).Check(cluster);

        findings.Should().ContainSingle().Which.Object.Should().Be("Namespace/other");
    }
}
