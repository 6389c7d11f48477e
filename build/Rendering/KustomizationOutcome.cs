using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Rendering;

/// <summary>
/// The result of rendering one Flux Kustomization. A non-null <paramref name="Deferral"/> means it needs
/// something another Kustomization may still produce; it is the finding to report if nothing ever does.
/// </summary>
internal sealed record KustomizationOutcome(
    IReadOnlyList<RenderedObject> Objects,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, SecretValues> Secrets,
    Finding? Deferral = null
)
{
    public static KustomizationOutcome Failed(params Finding[] findings) =>
        new([], findings, new Dictionary<string, SecretValues>());

    public static KustomizationOutcome Deferred(Finding finding) =>
        new([], [], new Dictionary<string, SecretValues>(), finding);
}
