using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// The parts of a <c>kustomize.toolkit.fluxcd.io</c> Kustomization that decide what it applies.
/// <see cref="Path"/> is as written; <see cref="DependsOn"/> holds <c>namespace/name</c> ids.
/// </summary>
public sealed record FluxKustomization(
    string Name,
    string Namespace,
    string Path,
    SourceReference SourceRef,
    SourceLocation Location
)
{
    public string Id => $"{Namespace}/{Name}";

    public string? TargetNamespace { get; init; }
    public string? NamePrefix { get; init; }
    public string? NameSuffix { get; init; }
    public YamlSequenceNode? Patches { get; init; }
    public YamlSequenceNode? Images { get; init; }
    public IReadOnlyList<string> Components { get; init; } = [];
    public bool IgnoreMissingComponents { get; init; }
    public IReadOnlyList<string> BuildMetadata { get; init; } = [];
    public PostBuildSpec? PostBuild { get; init; }
    public IReadOnlyDictionary<string, string> CommonLabels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> CommonAnnotations { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> DependsOn { get; init; } = [];
}
