namespace GitOpsRunners.Versions.Registries;

/// <summary>Manifest and artifact media types of the OCI image spec, Docker registry v2 and Helm.</summary>
public static class OciMediaTypes
{
    public const string ImageIndex = "application/vnd.oci.image.index.v1+json";
    public const string ImageManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    public const string HelmConfig = "application/vnd.cncf.helm.config.v1+json";
    public const string HelmChartContent = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    /// <summary>
    /// What a digest lookup accepts. Leaving out the index types makes a registry answer a multi-arch tag
    /// with one platform's manifest, whose digest is not the one a pull by tag resolves to.
    /// </summary>
    public static IReadOnlyList<string> Manifests { get; } =
    [ImageIndex, ImageManifest, DockerManifestList, DockerManifest];
}
