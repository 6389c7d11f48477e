using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Tests.Validation.Rules;

public class ReferenceRuleSpecs
{
    private const string Sources = """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata: {name: arc, namespace: flux-system}
        spec: {url: oci://ghcr.io/x/arc, ref: {tag: 0.13.0}}
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata: {name: external-secrets, namespace: flux-system}
        spec: {url: https://charts.external-secrets.io}
        ---
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata: {name: azurekv}
        spec: {}
        """;

    [Fact]
    public void References_to_objects_the_cluster_defines_pass()
    {
        var findings = TestCluster.Check(
            new ReferenceRule(),
            Sources
                + """

                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: apps, namespace: flux-system}
                spec: {sourceRef: {kind: GitRepository, name: flux-system}, path: ./x}
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: more, namespace: flux-system}
                spec: {sourceRef: {kind: GitRepository, name: flux-system}, dependsOn: [{name: apps}]}
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: arc, namespace: flux-system}
                spec: {chartRef: {kind: OCIRepository, name: arc}}
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: eso, namespace: flux-system}
                spec: {chart: {spec: {chart: external-secrets, sourceRef: {kind: HelmRepository, name: external-secrets}}}}
                ---
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: token, namespace: runners}
                spec: {secretStoreRef: {kind: ClusterSecretStore, name: azurekv}}
                """
        );

        findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData(
        "ref-source",
        "HelmRelease/flux-system/arc",
        "OCIRepository/flux-system/missing",
        """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: arc, namespace: flux-system}
            spec: {chartRef: {kind: OCIRepository, name: missing}}
            """
    )]
    [InlineData(
        "ref-depends-on",
        "Kustomization/flux-system/apps",
        "Kustomization/flux-system/infra",
        """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: apps, namespace: flux-system}
            spec: {sourceRef: {kind: GitRepository, name: flux-system}, dependsOn: [{name: infra}]}
            """
    )]
    [InlineData(
        "ref-secret-store",
        "ExternalSecret/runners/token",
        "ClusterSecretStore/azurekv",
        """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata: {name: token, namespace: runners}
            spec: {secretStoreRef: {kind: ClusterSecretStore, name: azurekv}}
            """
    )]
    [InlineData(
        "ref-secret-store",
        "ClusterExternalSecret/github",
        "ClusterSecretStore/azurekv",
        """
            apiVersion: external-secrets.io/v1
            kind: ClusterExternalSecret
            metadata: {name: github}
            spec:
              namespaces: [runners]
              externalSecretSpec: {secretStoreRef: {kind: ClusterSecretStore, name: azurekv}}
            """
    )]
    public void A_reference_to_an_object_the_cluster_does_not_define_is_reported_on_the_referrer_naming_the_missing_object(
        string ruleId,
        string referrer,
        string missing,
        string yaml
    )
    {
        var finding = TestCluster.SingleFinding(new ReferenceRule(), yaml);

        finding.Should().Match<Finding>(f => f.RuleId == ruleId && f.Object == referrer && f.Message.Contains(missing));
    }
}
