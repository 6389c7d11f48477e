using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Tests.Validation.Rules;

/// <summary>HelmRelease valuesFrom entries resolve as fluxcd/pkg chartutil.ChartValuesFromReferences resolves them.</summary>
public class ValuesFromRuleSpecs
{
    private const string ConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: runner-values, namespace: arc-runners}
        data:
          values.yaml: "minRunners: 1"
          extra.yaml: "maxRunners: 5"
        """;

    private const string ExternalSecret = """
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata: {name: runner-secrets, namespace: arc-runners}
        spec:
          secretStoreRef: {kind: ClusterSecretStore, name: azurekv}
          data:
            - {secretKey: token.yaml, remoteRef: {key: runner-token}}
        """;

    [Theory]
    [InlineData("{kind: ConfigMap, name: runner-values}")]
    [InlineData("{kind: ConfigMap, name: runner-values, valuesKey: extra.yaml}")]
    [InlineData("{kind: ConfigMap, name: absent, optional: true}")]
    [InlineData("{kind: ConfigMap, name: runner-values, valuesKey: absent.yaml, optional: true}")]
    [InlineData("{kind: Secret, name: runner-secrets, valuesKey: token.yaml}")]
    [InlineData("{kind: Secret, name: plain, valuesKey: from-string-data}")]
    public void An_entry_that_resolves_or_is_optional_passes(string entry)
    {
        TestCluster.Check(new ValuesFromRule(), Release(entry)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(
        "{kind: ConfigMap, name: absent}",
        "could not resolve ConfigMap chart values reference 'arc-runners/absent' with key 'values.yaml': resource not found"
    )]
    [InlineData(
        "{kind: ConfigMap, name: runner-values, valuesKey: other.yaml}",
        "could not resolve ConfigMap chart values reference 'arc-runners/runner-values' with key 'other.yaml': key not found"
    )]
    [InlineData(
        "{kind: Secret, name: runner-secrets}",
        "could not resolve Secret chart values reference 'arc-runners/runner-secrets' with key 'values.yaml': key not found"
    )]
    [InlineData(
        "{kind: Secret, name: absent, valuesKey: token.yaml}",
        "could not resolve Secret chart values reference 'arc-runners/absent' with key 'token.yaml': resource not found"
    )]
    public void An_entry_helm_controller_cannot_resolve_is_an_error_saying_what_is_missing(string entry, string message)
    {
        var finding = TestCluster.SingleFinding(new ValuesFromRule(), Release(entry));

        finding.Message.Should().StartWith(message);
        finding.Object.Should().Be("HelmRelease/arc-runners/runners");
    }

    [Fact]
    public void A_secret_whose_keys_only_the_provider_knows_is_not_checked_for_its_key()
    {
        var yaml = Release("{kind: Secret, name: runner-secrets, valuesKey: anything.yaml}")
            .Replace("data:\n    - {secretKey: token.yaml", "dataFrom:\n    - {extract", StringComparison.Ordinal)
            .Replace("remoteRef: {key: runner-token}}", "{key: runner-token}}", StringComparison.Ordinal);

        TestCluster.Check(new ValuesFromRule(), yaml).Should().BeEmpty();
    }

    /// <summary>The HelmRelease <c>arc-runners/runners</c> with one valuesFrom <paramref name="entry"/>, beside a ConfigMap, an ExternalSecret and a plain Secret.</summary>
    private static string Release(string entry) =>
        $$"""
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: runners, namespace: arc-runners}
            spec:
              chart:
                spec:
                  chart: runners
                  sourceRef: {kind: HelmRepository, name: charts}
              valuesFrom:
                - {{entry}}
            ---
            {{ConfigMap}}
            ---
            {{ExternalSecret}}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: plain, namespace: arc-runners}
            stringData:
              from-string-data: "a: b"
            """;
}
