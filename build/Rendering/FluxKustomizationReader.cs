using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering.Substitution;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>Reads Flux Kustomization objects (<c>kustomize.toolkit.fluxcd.io</c>, any version) into <see cref="FluxKustomization"/>.</summary>
public static class FluxKustomizationReader
{
    public static bool IsFluxKustomization(Manifest manifest) =>
        manifest.Kind == "Kustomization" && manifest.Group == KubernetesApi.KustomizeGroup;

    /// <summary>The Kustomization, or null with error findings when it cannot be rendered.</summary>
    public static (FluxKustomization? Kustomization, IReadOnlyList<Finding> Findings) Read(
        Manifest manifest,
        string? cluster = null
    )
    {
        var findings = new List<Finding>();
        var id = manifest.Id;
        if (manifest.Namespace is null)
        {
            findings.Add(
                new Finding(
                    ManifestRules.MissingField,
                    $"Flux Kustomization '{manifest.Name}' has no metadata.namespace; set it (usually flux-system).",
                    manifest.Location,
                    cluster,
                    id
                )
            );
            return (null, findings);
        }

        var spec = manifest.Body.MappingAt("spec");
        var sourceKind = spec.ScalarAt("sourceRef", "kind");
        var sourceName = spec.ScalarAt("sourceRef", "name");
        if (spec is null || sourceKind is null || sourceName is null)
        {
            findings.Add(
                new Finding(
                    RenderRules.KustomizationInvalid,
                    $"Flux Kustomization {manifest.Namespace}/{manifest.Name} has no spec.sourceRef.kind/name; Flux cannot fetch anything for it.",
                    manifest.Location,
                    cluster,
                    id
                )
            );
            return (null, findings);
        }

        var source = new SourceReference(
            sourceKind,
            sourceName,
            spec.ScalarAt("sourceRef", "namespace") ?? manifest.Namespace
        );
        var kustomization = new FluxKustomization(
            manifest.Name,
            manifest.Namespace,
            spec.ScalarAt("path") ?? "",
            source,
            manifest.Location
        )
        {
            TargetNamespace = Empty(spec.ScalarAt("targetNamespace")),
            NamePrefix = Empty(spec.ScalarAt("namePrefix")),
            NameSuffix = Empty(spec.ScalarAt("nameSuffix")),
            Patches = spec.SequenceAt("patches"),
            Images = spec.SequenceAt("images"),
            Components = Scalars(spec.SequenceAt("components")),
            IgnoreMissingComponents = spec.ScalarAt("ignoreMissingComponents") is "true",
            BuildMetadata = Scalars(spec.SequenceAt("buildMetadata")),
            PostBuild = ReadPostBuild(spec.MappingAt("postBuild")),
            CommonLabels = spec.MappingAt("commonMetadata", "labels").StringMap(),
            CommonAnnotations = spec.MappingAt("commonMetadata", "annotations").StringMap(),
            DependsOn = (spec.SequenceAt("dependsOn") ?? [])
                .OfType<YamlMappingNode>()
                .Select(d => (Name: d.ScalarAt("name"), Namespace: d.ScalarAt("namespace") ?? manifest.Namespace))
                .Where(d => d.Name is not null)
                .Select(d => $"{d.Namespace}/{d.Name}")
                .ToList(),
        };
        return (kustomization, findings);
    }

    private static PostBuildSpec? ReadPostBuild(YamlMappingNode? postBuild)
    {
        if (postBuild is null)
        {
            return null;
        }

        var from = (postBuild.SequenceAt("substituteFrom") ?? [])
            .OfType<YamlMappingNode>()
            .Where(s => s.ScalarAt("name") is not null)
            .Select(s => new SubstituteReference(
                s.ScalarAt("kind") ?? "ConfigMap",
                s.ScalarAt("name")!,
                s.ScalarAt("optional") is "true"
            ))
            .ToList();
        var strategy = postBuild.ScalarAt("substituteStrategy") is "Always"
            ? SubstituteStrategy.Always
            : SubstituteStrategy.WithVariables;
        return new PostBuildSpec(postBuild.MappingAt("substitute").StringMap(), from, strategy);
    }

    private static List<string> Scalars(YamlSequenceNode? sequence) =>
        (sequence ?? []).OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>().ToList();

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
