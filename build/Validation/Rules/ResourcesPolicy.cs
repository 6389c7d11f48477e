using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Every container declares resource requests and limits.</summary>
public sealed class ResourcesPolicy() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "policy-resources",
            Severity.Warning,
            "Containers without requests and limits starve or get evicted under load.",
            RuleCatalog.AnnotationOptOut
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var manifest in context.Cluster.Objects.Select(o => o.Manifest))
        {
            foreach (var (container, path) in Containers.Of(manifest))
            {
                var name = container.ScalarAt("name") ?? "(unnamed)";
                var missing = new[] { "requests", "limits" }
                    .Where(k => container.MappingAt("resources", k) is null)
                    .ToList();
                if (missing.Count > 0)
                {
                    yield return context.Report(
                        Descriptor,
                        manifest,
                        $"container '{name}' has no resource {string.Join(" or ", missing)}; set resources.requests and resources.limits",
                        path
                    );
                }
            }
        }
    }
}
