using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Namespaces carry a Pod Security Admission enforce label.</summary>
public sealed class PodSecurityPolicy : IClusterRule
{
    private const string EnforceLabel = "pod-security.kubernetes.io/enforce";

    public IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var ns in context.Index.OfKind("", "Namespace"))
        {
            if (ns.Body.ScalarAt("metadata", "labels", EnforceLabel) is null)
            {
                yield return context.Report(
                    "policy-pod-security",
                    ns,
                    $"namespace {ns.Name} has no {EnforceLabel} label; set it to restricted, baseline or privileged",
                    "metadata"
                );
            }
        }
    }
}
