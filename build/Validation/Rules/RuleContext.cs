using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Validation.Rules;

/// <summary>What a rule sees: one rendered cluster, an index over it, and a way to locate fields.</summary>
public sealed record RuleContext(RenderedCluster Cluster, ClusterIndex Index, ISourceLocator Locator)
{
    public static RuleContext For(RenderedCluster cluster, ISourceLocator? locator = null) =>
        new(cluster, new ClusterIndex(cluster), locator ?? ObjectLocator.Instance);

    /// <summary>A finding about <paramref name="manifest"/>, located at the field <paramref name="path"/> when it can be.</summary>
    public Finding Report(RuleDescriptor rule, Manifest manifest, string message, params string[] path) =>
        new(rule.DefaultSeverity, rule.Id, message, Locator.Locate(manifest, path), Cluster.Name, manifest.Id);
}
