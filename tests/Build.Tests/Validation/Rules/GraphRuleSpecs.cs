using GitOpsRunners.Diagnostics;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Tests.Validation.Rules;

public class GraphRuleSpecs
{
    [Fact]
    public void A_depends_on_cycle_is_reported_once_with_its_members()
    {
        var finding = TestCluster.SingleFinding(new DependsOnCycleRule(), Kustomizations("a -> b", "b -> c", "c -> a"));

        finding
            .Message.Should()
            .Contain(
                "Kustomization/flux-system/a -> Kustomization/flux-system/b -> Kustomization/flux-system/c -> Kustomization/flux-system/a"
            );
    }

    [Fact]
    public void A_chain_without_cycle_passes()
    {
        var findings = TestCluster.Check(new DependsOnCycleRule(), Kustomizations("a -> b", "b"));

        findings.Should().BeEmpty();
    }

    [Fact]
    public void An_object_applied_twice_is_reported_naming_both_owners()
    {
        var finding = TestCluster.SingleFinding(
            new DuplicateObjectRule(),
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: runners}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: runners}
            """
        );

        finding.Message.Should().Contain("Namespace/runners is applied by flux-system/apps");
    }

    [Fact]
    public void A_source_nothing_uses_is_a_warning()
    {
        var finding = TestCluster.SingleFinding(
            new UnusedSourceRule(),
            """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata: {name: unused, namespace: flux-system}
            spec: {url: https://example.org}
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata: {name: used, namespace: flux-system}
            spec: {url: https://example.org}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: x, namespace: flux-system}
            spec: {chart: {spec: {chart: x, sourceRef: {kind: HelmRepository, name: used}}}}
            """
        );

        finding
            .Should()
            .Match<Finding>(f => f.Object == "HelmRepository/flux-system/unused" && f.Severity == Severity.Warning);
    }

    /// <summary>One Kustomization in flux-system per entry; <c>"a -> b"</c> is Kustomization a depending on b.</summary>
    private static string Kustomizations(params string[] entries) =>
        string.Join(
            "---\n",
            entries.Select(entry =>
                entry.Split(" -> ") is [var name, var dependency]
                    ? FluxYaml.Kustomization(name, $"./{name}", spec: $"dependsOn: [{{name: {dependency}}}]")
                    : FluxYaml.Kustomization(entry, $"./{entry}")
            )
        );
}
