using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Tests.Validation.Rules;

public class ArcRuleSpecs
{
    private static string Arc(
        string controllerTag = "0.13.0",
        string scaleSetTag = "0.13.0",
        string scaleSetValues =
            """
                githubConfigSecret: github-token
                controllerServiceAccount: {name: arc-controller, namespace: arc-systems}
                minRunners: 1
                maxRunners: 5
                """
    ) =>
        $$$"""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: controller, namespace: flux-system}
            spec: {url: oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller, ref: {tag: "{{{controllerTag}}}"}}
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: scale-set, namespace: flux-system}
            spec: {url: oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set, ref: {tag: "{{{scaleSetTag}}}"}}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: controller, namespace: arc-systems}
            spec:
              chartRef: {kind: OCIRepository, name: controller, namespace: flux-system}
              values:
                serviceAccount: {name: arc-controller}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: runners, namespace: arc-runners}
            spec:
              chartRef: {kind: OCIRepository, name: scale-set, namespace: flux-system}
              values:
            {{{Indent(scaleSetValues)}}}
            ---
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata: {name: github-token, namespace: arc-runners}
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: azurekv}
              data:
                - secretKey: github_token
                  remoteRef: {key: gh-flux-aks-token}
            """;

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(line => "    " + line));

    [Fact]
    public void A_consistent_arc_pair_passes_every_arc_rule()
    {
        IClusterRule[] rules =
        [
            new ArcVersionSkewRule(),
            new ArcGitHubSecretRule(),
            new ArcControllerServiceAccountRule(),
            new ArcRunnerBoundsRule(),
        ];

        rules.SelectMany(rule => TestCluster.Check(rule, Arc())).Should().BeEmpty();
    }

    [Fact]
    public void A_scale_set_on_another_chart_version_than_the_controller_is_an_error()
    {
        var findings = TestCluster.Check(new ArcVersionSkewRule(), Arc(scaleSetTag: "0.12.1"));

        findings.Should().ContainSingle().Which.Message.Should().Contain("0.12.1").And.Contain("0.13.0");
    }

    [Fact]
    public void A_github_secret_that_nothing_produces_is_reported()
    {
        var findings = TestCluster.Check(
            new ArcGitHubSecretRule(),
            Arc(
                scaleSetValues: """
                githubConfigSecret: other-secret
                """
            )
        );

        findings.Should().ContainSingle().Which.Message.Should().Contain("'other-secret' is not produced");
    }

    [Fact]
    public void A_github_secret_without_the_keys_arc_reads_is_reported()
    {
        var yaml = Arc().Replace("secretKey: github_token", "secretKey: token", StringComparison.Ordinal);

        var findings = TestCluster.Check(new ArcGitHubSecretRule(), yaml);

        findings.Should().ContainSingle().Which.Message.Should().Contain("ARC needs github_token");
    }

    [Fact]
    public void A_controller_service_account_that_does_not_match_is_reported()
    {
        var findings = TestCluster.Check(
            new ArcControllerServiceAccountRule(),
            Arc(
                scaleSetValues: """
                controllerServiceAccount: {name: wrong, namespace: arc-systems}
                """
            )
        );

        findings
            .Should()
            .ContainSingle()
            .Which.Message.Should()
            .Contain("arc-systems/wrong")
            .And.Contain("arc-systems/arc-controller");
    }

    [Fact]
    public void More_min_runners_than_max_runners_is_an_error()
    {
        var findings = TestCluster.Check(
            new ArcRunnerBoundsRule(),
            Arc(
                scaleSetValues: """
                minRunners: 6
                maxRunners: 5
                """
            )
        );

        findings.Should().ContainSingle().Which.Message.Should().Be("minRunners (6) is greater than maxRunners (5)");
    }
}
