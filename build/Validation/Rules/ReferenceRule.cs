using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>sourceRef, chartRef, chart sourceRef, dependsOn, secretStoreRef (of ExternalSecrets, and the ClusterSecretStore of ClusterExternalSecrets) and providerRef name objects the cluster defines.</summary>
public sealed class ReferenceRule() : ClusterRule(SourceMissing, DependencyMissing, SecretStoreMissing)
{
    public static RuleDescriptor SourceMissing { get; } =
        new(
            "ref-source",
            Severity.Error,
            "A Kustomization or HelmRelease whose source does not exist never reconciles.",
            RuleCatalog.AnnotationOptOut
        );

    public static RuleDescriptor DependencyMissing { get; } =
        new(
            "ref-depends-on",
            Severity.Error,
            "A dependsOn entry that names nothing blocks the dependant forever.",
            RuleCatalog.AnnotationOptOut
        );

    public static RuleDescriptor SecretStoreMissing { get; } =
        new(
            "ref-secret-store",
            Severity.Error,
            "An ExternalSecret whose store does not exist never syncs.",
            RuleCatalog.AnnotationOptOut
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var index = context.Index;
        foreach (var ks in index.OfKind(KubernetesApi.KustomizeGroup, "Kustomization"))
        {
            if (FluxRef.Read(ks, "GitRepository", "spec", "sourceRef") is { } source && !SourceExists(index, source))
            {
                yield return Missing(context, SourceMissing, source, "sourceRef");
            }

            foreach (var dependency in FluxRef.DependsOn(ks).Where(d => !Exists(index, d)))
            {
                yield return Missing(context, DependencyMissing, dependency, "dependsOn");
            }
        }

        foreach (var release in index.OfKind(KubernetesApi.HelmGroup, "HelmRelease"))
        {
            foreach (
                var source in new[]
                {
                    FluxRef.Read(release, "OCIRepository", "spec", "chartRef"),
                    FluxRef.Read(release, "HelmRepository", "spec", "chart", "spec", "sourceRef"),
                }
                    .OfType<FluxRef>()
                    .Where(s => !SourceExists(index, s))
            )
            {
                yield return Missing(
                    context,
                    SourceMissing,
                    source,
                    source.Path.Length == 2 ? "chartRef" : "chart.spec.sourceRef"
                );
            }

            foreach (var dependency in FluxRef.DependsOn(release).Where(d => !Exists(index, d)))
            {
                yield return Missing(context, DependencyMissing, dependency, "dependsOn");
            }
        }

        foreach (var chart in index.OfKind(KubernetesApi.SourceGroup, "HelmChart"))
        {
            if (
                FluxRef.Read(chart, "HelmRepository", "spec", "sourceRef") is { } source
                && !SourceExists(index, source)
            )
            {
                yield return Missing(context, SourceMissing, source, "sourceRef");
            }
        }

        foreach (var alert in index.OfKind(KubernetesApi.NotificationGroup, "Alert"))
        {
            if (FluxRef.Read(alert, "Provider", "spec", "providerRef") is { } provider && !Exists(index, provider))
            {
                yield return Missing(context, SourceMissing, provider, "providerRef");
            }
        }

        foreach (var secret in index.OfKind(KubernetesApi.ExternalSecretsGroup, "ExternalSecret"))
        {
            if (FluxRef.Read(secret, "SecretStore", "spec", "secretStoreRef") is not { } store)
            {
                continue;
            }

            var found =
                store.Kind == "ClusterSecretStore" ? index.Exists(store.Kind, null, store.Name) : Exists(index, store);
            if (!found)
            {
                yield return Missing(
                    context,
                    SecretStoreMissing,
                    store with
                    {
                        Namespace = store.Kind == "ClusterSecretStore" ? null : store.Namespace,
                    },
                    "secretStoreRef"
                );
            }
        }

        // A ClusterExternalSecret's ExternalSecrets land in many namespaces: only a cluster-wide store is checked.
        foreach (var fanOut in index.OfKind(KubernetesApi.ExternalSecretsGroup, "ClusterExternalSecret"))
        {
            if (
                FluxRef.Read(fanOut, "SecretStore", "spec", "externalSecretSpec", "secretStoreRef")
                    is { Kind: "ClusterSecretStore" } store
                && !index.Exists(store.Kind, null, store.Name)
            )
            {
                yield return Missing(
                    context,
                    SecretStoreMissing,
                    store with
                    {
                        Namespace = null,
                    },
                    "externalSecretSpec.secretStoreRef"
                );
            }
        }
    }

    private static bool SourceExists(ClusterIndex index, FluxRef source) =>
        source.Kind switch
        {
            "GitRepository" when source.Name == KubernetesApi.BootstrapSource => true,
            "ExternalArtifact" => Exists(index, source) || ArtifactGenerated(index, source),
            _ => Exists(index, source),
        };

    private static bool ArtifactGenerated(ClusterIndex index, FluxRef source) =>
        index
            .OfKind(KubernetesApi.SourceExtensionsGroup, "ArtifactGenerator")
            .Where(generator => generator.Namespace == source.Namespace)
            .SelectMany(generator => generator.Body.ItemsAt("spec", "artifacts"))
            .Any(artifact => artifact.ScalarAt("name") == source.Name);

    private static bool Exists(ClusterIndex index, FluxRef target) =>
        index.Exists(target.Kind, target.Namespace, target.Name) || index.Exists(target.Kind, null, target.Name);

    private static Finding Missing(RuleContext context, RuleDescriptor rule, FluxRef reference, string field) =>
        context.Report(
            rule,
            reference.From,
            $"{field} names {reference.Display}, which this cluster does not define; add it or fix the reference",
            reference.Path
        );
}
