using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Charts;

/// <summary>
/// Where the chart a HelmRelease installs comes from: an OCI artifact (<paramref name="Oci"/>, with the tag Helm
/// writes for <paramref name="Version"/> and the manifest digest when the source pins one), or a classic Helm
/// repository (<paramref name="Repository"/>, whose <c>index.yaml</c> lists the archive).
/// </summary>
public sealed record ChartSource(string Chart, string Version, OciReference? Oci, Uri? Repository)
{
    public static ChartSource FromOci(OciReference reference, string version) =>
        new(reference.Repository.Split('/')[^1], version, reference, null);

    public static ChartSource FromRepository(Uri repository, string chart, string version) =>
        new(chart, version, null, repository);

    /// <summary>What identifies the archive before it is fetched: the OCI reference (with digest) or repository, chart and version.</summary>
    public string Key => Oci is { } oci ? $"oci://{oci}" : $"{Repository!.AbsoluteUri.TrimEnd('/')} {Chart} {Version}";

    /// <summary><c>chart external-secrets 0.17.0</c>, as messages name it.</summary>
    public string Display => $"chart {Chart} {Version}";

    /// <summary>Where it is read from, for messages.</summary>
    public string Origin => Oci is { } oci ? $"oci://{oci}" : Repository!.AbsoluteUri.TrimEnd('/');

    public override string ToString() => $"{Display} ({Origin})";
}
