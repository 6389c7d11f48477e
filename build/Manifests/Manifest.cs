using GitOpsRunners.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Manifests;

/// <summary>
/// One Kubernetes object as a YAML mapping, with the place it came from.
/// <see cref="Location"/> is the first line of the document in the source file (repository-relative).
/// </summary>
public sealed record Manifest(
    string ApiVersion,
    string Kind,
    string Name,
    string? Namespace,
    YamlMappingNode Body,
    SourceLocation Location
)
{
    /// <summary>API group: "" for the core group, e.g. "helm.toolkit.fluxcd.io".</summary>
    public string Group =>
        ApiVersion.Contains('/', StringComparison.Ordinal)
            ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)]
            : "";

    /// <summary>API version without the group, e.g. "v2".</summary>
    public string Version =>
        ApiVersion.Contains('/', StringComparison.Ordinal)
            ? ApiVersion[(ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..]
            : ApiVersion;

    /// <summary>Kind/namespace/name, or Kind/name for cluster-scoped objects; used in findings.</summary>
    public string Id => Namespace is { Length: > 0 } ns ? $"{Kind}/{ns}/{Name}" : $"{Kind}/{Name}";
}
