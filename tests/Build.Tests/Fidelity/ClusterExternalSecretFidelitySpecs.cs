using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Tests.Fidelity;

/// <summary>
/// A Secret written through a ClusterExternalSecret exists in every namespace it selects, as External Secrets'
/// ClusterExternalSecret controller (<c>reconcile</c>, <c>esutils.GetTargetNamespaces</c>) creates its ExternalSecrets:
/// the names in <c>spec.namespaces</c>, and the namespaces whose labels match <c>namespaceSelector</c> or any of
/// <c>namespaceSelectors</c> (every namespace carries <c>kubernetes.io/metadata.name</c>).
/// </summary>
public sealed class ClusterExternalSecretFidelitySpecs : FidelitySpecs
{
    [Theory(Timeout = 60_000)]
    [InlineData("  namespaceSelectors:\n    - matchLabels:\n        secrets: shared\n")]
    [InlineData(
        "  namespaceSelector:\n    matchExpressions:\n      - {key: secrets, operator: In, values: [shared, all]}\n"
    )]
    [InlineData("  namespaces: [flux-system]\n")]
    [InlineData("  namespaceSelectors:\n    - matchLabels:\n        kubernetes.io/metadata.name: flux-system\n")]
    public async Task A_secret_it_writes_into_a_selected_namespace_substitutes_as_masked_placeholders(string selection)
    {
        // Act
        var rendered = await RenderAfterClusterExternalSecretAsync(selection);

        // Assert
        rendered.Findings.Should().BeEmpty();
        Named(rendered, "app").Body.ScalarAt("data", "token").Should().Be("Bearer ..PLACEHOLDER_API_TOKEN..");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("  namespaceSelectors:\n    - matchLabels:\n        secrets: private\n")]
    [InlineData("  namespaces: [apps]\n")]
    [InlineData(
        "  namespaceSelector:\n    matchExpressions:\n      - {key: secrets, operator: NotIn, values: [shared]}\n"
    )]
    public async Task A_namespace_it_does_not_select_has_no_such_secret(string selection)
    {
        // Act
        var rendered = await RenderAfterClusterExternalSecretAsync(selection);

        // Assert
        rendered
            .Findings.Should()
            .ContainSingle()
            .Which.Should()
            .Match<Finding>(f =>
                f.RuleId == RenderRules.SubstituteFromMissing.Id
                && f.Message.Contains("Secret flux-system/cluster-secrets", StringComparison.Ordinal)
            );
    }

    /// <summary>
    /// <c>apps</c> (in <c>flux-system</c>, labelled <c>secrets: shared</c>) substitutes from the Secret
    /// <c>cluster-secrets</c> after <c>stores</c> applies a ClusterExternalSecret writing it, with this selection.
    /// </summary>
    private Task<RenderedCluster> RenderAfterClusterExternalSecretAsync(string selection) =>
        Repo.RenderAppsAfterAsync(
            "stores",
            FidelityRepository.SubstituteFrom("Secret", "cluster-secrets"),
            "cluster-external-secret.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: flux-system\n  labels:\n    secrets: shared\n---\n"
                + "apiVersion: external-secrets.io/v1\nkind: ClusterExternalSecret\nmetadata:\n  name: shared\nspec:\n"
                + "  externalSecretName: shared-es\n"
                + selection
                + "  externalSecretSpec:\n    secretStoreRef:\n      kind: ClusterSecretStore\n      name: vault\n"
                + "    target:\n      name: cluster-secrets\n"
                + "    data:\n      - secretKey: API_TOKEN\n        remoteRef:\n          key: api-token\n",
            FidelityRepository.ConfigMap("app", "  token: Bearer ${API_TOKEN}\n")
        );
}
