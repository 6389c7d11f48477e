namespace GitOpsRunners.Versions.Pins;

/// <summary>
/// Where a pinned version is looked up: an OCI or HTTP Helm repository, an image registry, or Git tags.
/// An OCIRepository counts as a Helm chart when a HelmRelease's chartRef names it, its layerSelector
/// selects a Helm media type or its URL mentions "chart"; other OCI artifacts are listed like images.
/// </summary>
public enum PinKind
{
    HelmChartOci,
    HelmChartHttp,
    ContainerImage,
    GitTag,
}
