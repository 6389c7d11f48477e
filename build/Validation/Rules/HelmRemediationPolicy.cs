using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>HelmReleases detect drift and remediate failed upgrades.</summary>
public sealed class HelmRemediationPolicy() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "policy-helm-remediation",
            Severity.Warning,
            "Drift detection and upgrade remediation keep a HelmRelease converging without a human.",
            RuleCatalog.AnnotationOptOut
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var release in context.Index.OfKind(KubernetesApi.HelmGroup, "HelmRelease"))
        {
            if (release.Body.ScalarAt("spec", "driftDetection", "mode") != "enabled")
            {
                yield return context.Report(
                    Descriptor,
                    release,
                    "drift detection is not enabled; set spec.driftDetection.mode: enabled",
                    "spec",
                    "driftDetection"
                );
            }

            if (release.Body.MappingAt("spec", "upgrade", "remediation") is null)
            {
                yield return context.Report(
                    Descriptor,
                    release,
                    "upgrade remediation is not configured; set spec.upgrade.remediation (retries, remediateLastFailure)",
                    "spec",
                    "upgrade"
                );
            }
        }
    }
}
