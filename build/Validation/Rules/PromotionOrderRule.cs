using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>The promotion order (<c>promotion.yaml</c>), when the tree declares one, names every cluster once.</summary>
public static class PromotionOrderRule
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "promotion-order",
            Severity.Error,
            "Releases move through the declared stages; a stage that is not a cluster, or a cluster without a stage, breaks promotion.",
            "none: fix promotion.yaml"
        );

    /// <summary>
    /// Reads <c>&lt;kubernetesFolder&gt;/promotion.yaml</c> when there is one and checks it; a file that cannot be
    /// read as an order is one finding.
    /// </summary>
    public static IEnumerable<Finding> Check(
        string repositoryRoot,
        string kubernetesFolder,
        IReadOnlyCollection<string> clusters
    )
    {
        if (!PromotionOrder.Exists(repositoryRoot, kubernetesFolder))
        {
            return [];
        }

        try
        {
            return Check(PromotionOrder.Load(repositoryRoot, kubernetesFolder), clusters);
        }
        catch (BuildException e)
        {
            var file = Path.Combine(kubernetesFolder, PromotionOrder.FileName).Replace('\\', '/');
            return [new Finding(Descriptor, e.Message, new SourceLocation(file, 1))];
        }
    }

    /// <summary>Every stage is a cluster, no stage appears twice, and every cluster has a stage.</summary>
    public static IEnumerable<Finding> Check(PromotionOrder order, IReadOnlyCollection<string> clusters)
    {
        foreach (var duplicate in order.Stages.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new Finding(
                Descriptor,
                $"stage {duplicate.Key} appears {duplicate.Count()} times; a cluster has one place in the order",
                order.Location
            );
        }

        foreach (var unknown in order.Stages.Where(s => !clusters.Contains(s)).Distinct(StringComparer.Ordinal))
        {
            yield return new Finding(
                Descriptor,
                $"stage {unknown} is not a cluster (no folder clusters/{unknown}); fix the name or add the cluster",
                order.Location
            );
        }

        foreach (var missing in clusters.Where(c => !order.Stages.Contains(c)).Order(StringComparer.Ordinal))
        {
            yield return new Finding(
                Severity.Warning,
                Descriptor.Id,
                $"cluster {missing} has no stage in the promotion order; add it so releases reach it",
                order.Location
            );
        }
    }
}
