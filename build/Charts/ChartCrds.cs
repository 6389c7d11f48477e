using GitOpsRunners.Manifests;

namespace GitOpsRunners.Charts;

/// <summary>
/// The CustomResourceDefinitions a chart installs that can be read without Helm, and the CRD templates that
/// cannot (<c>templates/…</c> paths, each with the first template action that needs rendering).
/// </summary>
public sealed record ChartCrds(IReadOnlyList<Manifest> Crds, IReadOnlyList<(string File, string Action)> Unreadable);
