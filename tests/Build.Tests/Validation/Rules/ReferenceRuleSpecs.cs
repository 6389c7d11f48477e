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

    [Fact]
    public void A_dangling_source_ref_is_reported_naming_the_missing_object()
    {
        var findings = TestCluster.Check(
            new ReferenceRule(),
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: arc, namespace: flux-system}
            spec: {chartRef: {kind: OCIRepository, name: missing}}
            """
        );

        findings
            .Should()
            .ContainSingle()
            .Which.Should()
            .Match<GitOpsRunners.Diagnostics.Finding>(f =>
                f.RuleId == "ref-source"
                && f.Message.Contains("OCIRepository/flux-system/missing")
                && f.Object == "HelmRelease/flux-system/arc"
            );
    }

    [Fact]
    public void A_depends_on_entry_naming_nothing_is_reported()
    {
        var findings = TestCluster.Check(
            new ReferenceRule(),
            """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: apps, namespace: flux-system}
            spec: {sourceRef: {kind: GitRepository, name: flux-system}, dependsOn: [{name: infra}]}
            """
        );

        findings
            .Should()
            .ContainSingle(f => f.RuleId == "ref-depends-on" && f.Message.Contains("Kustomization/flux-system/infra"));
    }

    [Fact]
    public void An_external_secret_whose_store_is_missing_is_reported()
    {
        var findings = TestCluster.Check(
            new ReferenceRule(),
            """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata: {name: token, namespace: runners}
            spec: {secretStoreRef: {kind: ClusterSecretStore, name: azurekv}}
            """
        );

        findings
            .Should()
            .ContainSingle(f => f.RuleId == "ref-secret-store" && f.Message.Contains("ClusterSecretStore/azurekv"));
    }
}
