using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Every ARC scale set runs the same chart version as the controller.</summary>
public sealed class ArcVersionSkewRule() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "arc-version-skew",
            Severity.Error,
            "ARC refuses (and may delete) scale sets whose chart version differs from the controller's.",
            RuleCatalog.AnnotationOptOut
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var releases = ArcRelease.Find(context.Index);
        var controller = releases.FirstOrDefault(r => r.IsController);
        if (controller?.ChartVersion is not { } controllerVersion)
        {
            yield break;
        }

        foreach (
            var scaleSet in releases.Where(r =>
                !r.IsController && r.ChartVersion is not null && r.ChartVersion != controllerVersion
            )
        )
        {
            yield return context.Report(
                Descriptor,
                scaleSet.VersionSetBy,
                $"{scaleSet.Release.Id} installs {ArcCharts.ScaleSet} {scaleSet.ChartVersion} but the controller {controller.Release.Id} is on {controllerVersion}; move both charts to one version",
                scaleSet.VersionPath
            );
        }
    }
}
