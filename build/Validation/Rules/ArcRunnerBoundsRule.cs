using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary><c>minRunners</c> is not negative and not above <c>maxRunners</c>.</summary>
public sealed class ArcRunnerBoundsRule() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "arc-runner-bounds",
            Severity.Error,
            "minRunners above maxRunners makes the scale set unschedulable.",
            RuleCatalog.AnnotationOptOut
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var scaleSet in ArcRelease.Find(context.Index).Where(r => !r.IsController))
        {
            var min = scaleSet.Values.IntAt("minRunners");
            var max = scaleSet.Values.IntAt("maxRunners");
            if (min < 0)
            {
                yield return context.Report(
                    Descriptor,
                    scaleSet.Release,
                    $"minRunners is {min}; it must be 0 or more",
                    "spec",
                    "values",
                    "minRunners"
                );
            }

            if (min is { } low && max is { } high && low > high)
            {
                yield return context.Report(
                    Descriptor,
                    scaleSet.Release,
                    $"minRunners ({low}) is greater than maxRunners ({high})",
                    "spec",
                    "values",
                    "minRunners"
                );
            }
        }
    }
}
