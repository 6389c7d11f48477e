using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>The scale set's <c>controllerServiceAccount</c> names the controller's service account explicitly.</summary>
public sealed class ArcControllerServiceAccountRule() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "arc-controller-service-account",
            Severity.Error,
            "The scale set must name the controller's service account or the listener cannot be managed.",
            RuleCatalog.AnnotationOptOut
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var releases = ArcRelease.Find(context.Index);
        var controller = releases.FirstOrDefault(r => r.IsController);
        if (controller is null)
        {
            yield break;
        }

        var controllerAccount = controller.Values.ScalarAt("serviceAccount", "name");
        if (controllerAccount is null)
        {
            yield return context.Report(
                Descriptor,
                controller.Release,
                "the controller's values.serviceAccount.name is not set; set it so scale sets can name it",
                "spec",
                "values"
            );
            yield break;
        }

        foreach (var scaleSet in releases.Where(r => !r.IsController))
        {
            var name = scaleSet.Values.ScalarAt("controllerServiceAccount", "name");
            var ns = scaleSet.Values.ScalarAt("controllerServiceAccount", "namespace");
            if (name is null || ns is null)
            {
                yield return context.Report(
                    Descriptor,
                    scaleSet.Release,
                    $"values.controllerServiceAccount is not set; set name: {controllerAccount} and namespace: {controller.ReleaseNamespace}",
                    "spec",
                    "values"
                );
            }
            else if (name != controllerAccount || ns != controller.ReleaseNamespace)
            {
                yield return context.Report(
                    Descriptor,
                    scaleSet.Release,
                    $"controllerServiceAccount is {ns}/{name} but the controller runs as {controller.ReleaseNamespace}/{controllerAccount}",
                    "spec",
                    "values",
                    "controllerServiceAccount"
                );
            }
        }
    }
}
