using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Tests.Validation.Rules;

/// <summary>Builds a rendered cluster from inline YAML documents in <c>test.yaml</c>, each applied by a named Kustomization.</summary>
public static class TestCluster
{
    public static RenderedCluster From(string yaml, string appliedBy = "flux-system/apps") =>
        YamlManifests.Cluster("test", yaml, "test.yaml", appliedBy);

    public static IReadOnlyList<Finding> Check(IClusterRule rule, string yaml) =>
        rule.Check(RuleContext.For(From(yaml))).ToList();

    /// <summary>The one finding <paramref name="rule"/> reports on <paramref name="yaml"/>; none or several fail the test.</summary>
    public static Finding SingleFinding(IClusterRule rule, string yaml) =>
        Check(rule, yaml).Should().ContainSingle().Subject;
}
