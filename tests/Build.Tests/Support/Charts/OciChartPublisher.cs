using System.Text.Json;
using GitOpsRunners.Tests.Support.Registry;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Support.Charts;

/// <summary>Pushes charts to a real registry as <c>helm push</c> does: config and chart layer blobs, then the manifest under the version's tag.</summary>
public static class OciChartPublisher
{
    /// <summary>Pushes <paramref name="chart"/> to <paramref name="repository"/>; returns the manifest digest.</summary>
    public static async Task<string> PushAsync(RegistryPusher pusher, string repository, ChartPackage chart)
    {
        var configBytes = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                apiVersion = "v2",
                name = chart.Name,
                version = chart.Version,
            }
        );
        var config = await pusher.PushBlobAsync(repository, configBytes);
        var archive = chart.Pack();
        var layer = await pusher.PushBlobAsync(repository, archive);
        var manifest = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                schemaVersion = 2,
                mediaType = OciMediaTypes.ImageManifest,
                config = new
                {
                    mediaType = OciMediaTypes.HelmConfig,
                    digest = config,
                    size = configBytes.Length,
                },
                layers = new[]
                {
                    new
                    {
                        mediaType = OciMediaTypes.HelmChartContent,
                        digest = layer,
                        size = archive.Length,
                    },
                },
            }
        );
        return await pusher.PushManifestAsync(
            repository,
            HelmOci.VersionToTag(chart.Version),
            OciMediaTypes.ImageManifest,
            manifest
        );
    }
}
