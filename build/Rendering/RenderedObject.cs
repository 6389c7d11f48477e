using GitOpsRunners.Manifests;

namespace GitOpsRunners.Rendering;

/// <summary>
/// One object as Flux would apply it. <c>Manifest.Location</c> is the source file:line the object came
/// from; <paramref name="AppliedBy"/> is the <c>namespace/name</c> of the Flux Kustomization applying it.
/// </summary>
public sealed record RenderedObject(Manifest Manifest, string AppliedBy)
{
    /// <summary>
    /// For a Secret, a one-way fingerprint of each value (<c>data.key</c> / <c>stringData.key</c> → hash), so that a
    /// change shows although the values themselves are masked; never printed.
    /// </summary>
    public IReadOnlyDictionary<string, string>? SecretFingerprints { get; init; }
}
