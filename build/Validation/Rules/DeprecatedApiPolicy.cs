using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Objects on deprecated or removed API versions, with the version to move to.</summary>
public sealed class DeprecatedApiPolicy() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "policy-deprecated-api",
            Severity.Error,
            "Deprecated or removed API versions stop reconciling after an upgrade.",
            RuleCatalog.AnnotationOptOut
        );

    /// <summary>apiVersion (or apiVersion/Kind) to its replacement.</summary>
    public static readonly IReadOnlyDictionary<string, string> Replacements = new Dictionary<string, string>(
        StringComparer.Ordinal
    )
    {
        ["helm.toolkit.fluxcd.io/v2beta1"] = "helm.toolkit.fluxcd.io/v2",
        ["helm.toolkit.fluxcd.io/v2beta2"] = "helm.toolkit.fluxcd.io/v2",
        ["kustomize.toolkit.fluxcd.io/v1beta1"] = "kustomize.toolkit.fluxcd.io/v1",
        ["kustomize.toolkit.fluxcd.io/v1beta2"] = "kustomize.toolkit.fluxcd.io/v1",
        ["source.toolkit.fluxcd.io/v1beta1"] = "source.toolkit.fluxcd.io/v1",
        ["source.toolkit.fluxcd.io/v1beta2"] = "source.toolkit.fluxcd.io/v1",
        ["notification.toolkit.fluxcd.io/v1beta1"] = "notification.toolkit.fluxcd.io/v1beta3",
        ["notification.toolkit.fluxcd.io/v1beta2"] = "notification.toolkit.fluxcd.io/v1beta3",
        ["notification.toolkit.fluxcd.io/v1beta3/Receiver"] = "notification.toolkit.fluxcd.io/v1",
        ["image.toolkit.fluxcd.io/v1beta1"] = "image.toolkit.fluxcd.io/v1",
        ["image.toolkit.fluxcd.io/v1beta2"] = "image.toolkit.fluxcd.io/v1",
        ["external-secrets.io/v1alpha1"] = "external-secrets.io/v1",
        ["external-secrets.io/v1beta1"] = "external-secrets.io/v1",
        ["extensions/v1beta1"] = "apps/v1 or networking.k8s.io/v1",
        ["apps/v1beta1"] = "apps/v1",
        ["apps/v1beta2"] = "apps/v1",
        ["batch/v1beta1"] = "batch/v1",
        ["policy/v1beta1"] = "policy/v1",
        ["networking.k8s.io/v1beta1"] = "networking.k8s.io/v1",
        ["rbac.authorization.k8s.io/v1beta1"] = "rbac.authorization.k8s.io/v1",
        ["apiextensions.k8s.io/v1beta1"] = "apiextensions.k8s.io/v1",
        ["autoscaling/v2beta1"] = "autoscaling/v2",
        ["autoscaling/v2beta2"] = "autoscaling/v2",
        ["storage.k8s.io/v1beta1"] = "storage.k8s.io/v1",
        ["admissionregistration.k8s.io/v1beta1"] = "admissionregistration.k8s.io/v1",
    };

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var manifest in context.Cluster.Objects.Select(o => o.Manifest))
        {
            if (Replacement(manifest.ApiVersion, manifest.Kind) is { } replacement)
            {
                yield return context.Report(
                    Descriptor,
                    manifest,
                    $"{manifest.Kind} uses {manifest.ApiVersion}, which is deprecated or removed; use {replacement}",
                    "apiVersion"
                );
            }
        }
    }

    public static string? Replacement(string apiVersion, string kind) =>
        Replacements.TryGetValue($"{apiVersion}/{kind}", out var byKind) ? byKind
        : Replacements.TryGetValue(apiVersion, out var byVersion) ? byVersion
        : null;
}
