namespace GitOpsRunners.Versions.Pins;

/// <summary>
/// What the available versions of a pin depend on: the same chart or image pinned in several places
/// (or clusters) shares one key. <see cref="Source"/> is the OCI URL, Helm repository URL, image
/// repository or Git URL; <see cref="Component"/> the chart, image or repository name.
/// </summary>
public sealed record PinKey(PinKind Kind, string Source, string Component)
{
    public override string ToString() => Kind == PinKind.HelmChartHttp ? $"{Source} {Component}" : Source;
}
