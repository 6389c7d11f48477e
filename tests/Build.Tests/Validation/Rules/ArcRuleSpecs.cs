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
        var finding = TestCluster.SingleFinding(new ArcVersionSkewRule(), Arc(scaleSetTag: "0.12.1"));

        finding.Message.Should().Contain("0.12.1").And.Contain("0.13.0");
    }

    [Theory]
    [InlineData("namespaces: [arc-runners]")]
    [InlineData("namespaceSelectors: [{matchLabels: {runners: github}}]")]
    [InlineData("namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: Exists}]}")]
    public void A_github_secret_a_cluster_external_secret_writes_into_the_runner_namespace_is_found(string selection)
    {
        var findings = TestCluster.Check(new ArcGitHubSecretRule(), WithClusterExternalSecret(selection));

        findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("namespaces: [arc-systems]")]
    [InlineData("namespaceSelectors: [{matchLabels: {runners: gitlab}}]")]
    public void A_cluster_external_secret_that_does_not_select_the_runner_namespace_does_not_produce_its_secret(
        string selection
    )
    {
        var finding = TestCluster.SingleFinding(new ArcGitHubSecretRule(), WithClusterExternalSecret(selection));

        finding.Message.Should().Contain("'github-token' is not produced");
    }

    [Fact]
    public void The_keys_a_cluster_external_secret_writes_are_checked_like_an_external_secrets()
    {
        var yaml = WithClusterExternalSecret("namespaces: [arc-runners]")
            .Replace("secretKey: github_token", "secretKey: token", StringComparison.Ordinal);

        var finding = TestCluster.SingleFinding(new ArcGitHubSecretRule(), yaml);

        finding.Message.Should().Contain("has keys [token] but ARC needs github_token");
    }

    /// <summary>
    /// The ARC pair whose runner namespace (labelled <c>runners: github</c>) gets <c>github-token</c> from a
    /// ClusterExternalSecret with this namespace <paramref name="selection"/> instead of an ExternalSecret.
    /// </summary>
    private static string WithClusterExternalSecret(string selection) =>
        Arc()[..Arc().IndexOf("apiVersion: external-secrets.io/v1", StringComparison.Ordinal)]
        + $$$"""
            apiVersion: v1
            kind: Namespace
            metadata: {name: arc-runners, labels: {runners: github}}
            ---
            apiVersion: external-secrets.io/v1
            kind: ClusterExternalSecret
            metadata: {name: github}
            spec:
              {{{selection}}}
              externalSecretSpec:
                secretStoreRef: {kind: ClusterSecretStore, name: azurekv}
                target: {name: github-token}
                data:
                  - secretKey: github_token
                    remoteRef: {key: gh-flux-aks-token}
            """;

    [Fact]
    public void A_github_secret_without_the_keys_arc_reads_is_reported()
    {
        var yaml = Arc().Replace("secretKey: github_token", "secretKey: token", StringComparison.Ordinal);

        var finding = TestCluster.SingleFinding(new ArcGitHubSecretRule(), yaml);

        finding.Message.Should().Contain("ARC needs github_token");
    }

    [Theory]
    [InlineData(
        typeof(ArcGitHubSecretRule),
        "githubConfigSecret: other-secret",
        "githubConfigSecret 'other-secret' is not produced by any ExternalSecret, ClusterExternalSecret or Secret in namespace arc-runners; add one"
    )]
    [InlineData(
        typeof(ArcControllerServiceAccountRule),
        "controllerServiceAccount: {name: wrong, namespace: arc-systems}",
        "controllerServiceAccount is arc-systems/wrong but the controller runs as arc-systems/arc-controller"
    )]
    [InlineData(
        typeof(ArcRunnerBoundsRule),
        "minRunners: 6\nmaxRunners: 5",
        "minRunners (6) is greater than maxRunners (5)"
    )]
    public void Scale_set_values_an_arc_rule_refuses_are_reported_saying_what_is_wrong(
        Type rule,
        string scaleSetValues,
        string message
    )
    {
        var finding = TestCluster.SingleFinding(
            (IClusterRule)Activator.CreateInstance(rule)!,
            Arc(scaleSetValues: scaleSetValues)
        );

        finding.Message.Should().Be(message);
    }
}
