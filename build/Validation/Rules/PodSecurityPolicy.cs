using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Namespaces carry a Pod Security Admission enforce label.</summary>
public sealed class PodSecurityPolicy() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "policy-pod-security",
            Severity.Warning,
            "Namespaces without Pod Security labels admit privileged pods silently.",
            RuleCatalog.AnnotationOptOut
        );

    private const string EnforceLabel = "pod-security.kubernetes.io/enforce";

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var ns in context.Index.OfKind("", "Namespace"))
        {
            if (ns.Body.ScalarAt("metadata", "labels", EnforceLabel) is null)
            {
                yield return context.Report(
                    Descriptor,
                    ns,
                    $"namespace {ns.Name} has no {EnforceLabel} label; set it to restricted, baseline or privileged",
                    "metadata"
                );
            }
        }
    }
}
