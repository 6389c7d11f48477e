using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Rules;

/// <summary>The same object (group, kind, namespace, name) applied more than once.</summary>
public sealed class DuplicateObjectRule() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "duplicate-object",
            Severity.Error,
            "Two owners of one object fight over it on every reconciliation.",
            RuleCatalog.AnnotationOptOut
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var groups = context
            .Cluster.Objects.GroupBy(o => (o.Manifest.Group, o.Manifest.Kind, o.Manifest.Namespace, o.Manifest.Name))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return context.Report(
                    Descriptor,
                    duplicate.Manifest,
                    $"{duplicate.Manifest.Id} is applied by {duplicate.AppliedBy} and also by {first.AppliedBy} ({first.Manifest.Location}); keep one definition"
                );
            }
        }
    }
}
