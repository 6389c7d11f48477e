using GitOpsRunners.Rendering;
using GitOpsRunners.Versions.Editing;

namespace GitOpsRunners.Versions.Pins;

/// <summary>
/// A pinned value as found in a rendered object, before it is traced to its source: the version at
/// <see cref="VersionPath"/> and the digest either in the same field (<see cref="DigestPath"/> null)
/// or at <see cref="DigestPath"/>.
/// </summary>
internal sealed record PinField(
    RenderedObject Object,
    PinKind Kind,
    string Component,
    string Source,
    string Version,
    string? Digest,
    IReadOnlyList<YamlPathSegment> VersionPath,
    IReadOnlyList<YamlPathSegment>? DigestPath = null
)
{
    public string Field => $"{Object.Manifest.Kind}/{Object.Manifest.Name}#{YamlPath.Format(VersionPath)}";
}
