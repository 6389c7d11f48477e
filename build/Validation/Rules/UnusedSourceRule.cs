using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Sources that no Kustomization, HelmRelease, HelmChart or ArtifactGenerator uses.</summary>
public sealed class UnusedSourceRule() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "source-unused",
            Severity.Warning,
            "A source nothing uses costs fetches and hides mistakes.",
            RuleCatalog.AnnotationOptOut
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var index = context.Index;
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Use(FluxRef? reference)
        {
            if (reference is not null)
            {
                used.Add($"{reference.Kind}/{reference.Namespace}/{reference.Name}");
            }
        }

        foreach (var ks in index.OfKind(KubernetesApi.KustomizeGroup, "Kustomization"))
        {
            Use(FluxRef.Read(ks, "GitRepository", "spec", "sourceRef"));
        }

        foreach (var release in index.OfKind(KubernetesApi.HelmGroup, "HelmRelease"))
        {
            Use(FluxRef.Read(release, "OCIRepository", "spec", "chartRef"));
            Use(FluxRef.Read(release, "HelmRepository", "spec", "chart", "spec", "sourceRef"));
        }

        foreach (var chart in index.OfKind(KubernetesApi.SourceGroup, "HelmChart"))
        {
            Use(FluxRef.Read(chart, "HelmRepository", "spec", "sourceRef"));
        }

        foreach (var generator in index.OfKind(KubernetesApi.SourceExtensionsGroup, "ArtifactGenerator"))
        {
            foreach (var source in generator.Body.ItemsAt("spec", "sources"))
            {
                if (source.ScalarAt("name") is { } name)
                {
                    used.Add(
                        $"{source.ScalarAt("kind") ?? "GitRepository"}/{source.ScalarAt("namespace") ?? generator.Namespace}/{name}"
                    );
                }
            }
        }

        var sources = KubernetesApi
            .SourceKinds.Where(kind => kind != "ExternalArtifact")
            .SelectMany(kind => index.OfKind(KubernetesApi.SourceGroup, kind));
        foreach (var source in sources)
        {
            if (source.Kind == "GitRepository" && source.Name == KubernetesApi.BootstrapSource)
            {
                continue;
            }

            if (!used.Contains($"{source.Kind}/{source.Namespace}/{source.Name}"))
            {
                yield return context.Report(
                    Descriptor,
                    source,
                    $"{source.Id} is not used by any Kustomization, HelmRelease or HelmChart; remove it or reference it"
                );
            }
        }
    }
}
