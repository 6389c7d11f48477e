using System.Text;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Versions.Pins;

/// <summary>Reads the source files a rendered cluster's objects came from into <see cref="PinSources"/>.</summary>
public sealed class PinSourceReader(string repositoryRoot)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<PinSources> ReadAsync(RenderedCluster cluster, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in cluster.Objects.Select(o => o.Manifest.Location.File).Distinct(StringComparer.Ordinal))
        {
            var path = Path.Combine(repositoryRoot, file);
            if (File.Exists(path))
            {
                files[file] = Utf8.GetString(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
            }
        }

        return new PinSources(files);
    }
}
