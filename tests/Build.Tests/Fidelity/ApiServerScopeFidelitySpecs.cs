using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Validation.Schemas;

namespace GitOpsRunners.Tests.Fidelity;

/// <summary>
/// Namespaces as the API server keeps them (it clears metadata.namespace of cluster-scoped kinds, following the
/// REST mapping or the CRD's spec.scope), and fluxcd/pkg ssa's <c>DryRunErr</c> for a namespaced object that has none.
/// </summary>
public sealed class ApiServerScopeFidelitySpecs : FidelitySpecs
{
    [Fact(Timeout = 120_000)]
    public async Task A_cluster_secret_store_under_a_target_namespace_is_still_the_store_an_external_secret_names()
    {
        // Arrange: kustomize's namespace transformer gives custom resources it does not know the target namespace
        Repo.WriteKustomization("stores", "targetNamespace: external-secrets\n")
            .Write(
                "kubernetes/stores/store.yaml",
                """
                apiVersion: external-secrets.io/v1
                kind: ClusterSecretStore
                metadata:
                  name: vault
                spec:
                  provider:
                    fake:
                      data: []
                ---
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata:
                  name: token
                spec:
                  secretStoreRef:
                    kind: ClusterSecretStore
                    name: vault
                  target:
                    name: token
                  data:
                    - secretKey: token
                      remoteRef:
                        key: token
                """
            );

        // Act
        var rendered = await Repo.RenderAsync();
        var validated = await Repo.ValidateAsync();

        // Assert
        var store = OfKind(rendered, "ClusterSecretStore");
        store.Namespace.Should().BeNull();
        store.Body.ScalarAt("metadata", "namespace").Should().BeNull();
        OfKind(rendered, "ExternalSecret").Namespace.Should().Be("external-secrets");
        validated?.Report.Findings.Where(f => f.Severity == Severity.Error).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_custom_resource_is_cluster_scoped_when_its_definition_in_the_cluster_says_so()
    {
        // Arrange
        Repo.WriteKustomization("widgets", "targetNamespace: apps\n")
            .Write(
                "kubernetes/widgets/crd.yaml",
                ExampleCrd.Yaml("GlobalWidget", "type: object\nx-kubernetes-preserve-unknown-fields: true\n", "Cluster")
                    + "---\napiVersion: example.com/v1\nkind: GlobalWidget\nmetadata:\n  name: everywhere\n"
            );

        // Act
        var rendered = await Repo.RenderAsync();

        // Assert
        OfKind(rendered, "GlobalWidget").Id.Should().Be("GlobalWidget/everywhere");
        OfKind(rendered, "CustomResourceDefinition").Namespace.Should().BeNull();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_namespaced_object_without_a_namespace_is_the_error_flux_reports()
    {
        // Arrange
        Repo.WriteKustomization("apps")
            .Write(
                "kubernetes/apps/app.yaml",
                "# the app\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  a: b\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n"
            );

        // Act
        var rendered = await Repo.RenderAsync();

        // Assert
        var finding = rendered.Findings.Should().ContainSingle().Subject;
        finding.Severity.Should().Be(Severity.Error);
        finding.RuleId.Should().Be(RenderRules.NamespaceMissing.Id);
        finding.Message.Should().StartWith("ConfigMap/app namespace not specified").And.Contain("flux-system/apps");
        finding.Location.Should().Be(new SourceLocation("kubernetes/apps/app.yaml", 2));
    }
}
