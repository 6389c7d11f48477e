using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Smoke;

/// <summary>
/// A HelmRelease with the chart version the repository pins: the OCIRepository <c>ref.tag</c> of its <c>chartRef</c>, or
/// <c>chart.spec.version</c>. <paramref name="ChartVersion"/> is null when the pin is a range or cannot be known offline.
/// </summary>
public sealed record ExpectedHelmRelease(
    ObjectKey Key,
    string? ChartName,
    string? ChartVersion,
    SourceLocation? Location = null
);
