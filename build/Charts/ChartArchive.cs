using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Charts;

/// <summary>
/// A packaged Helm chart (<c>.tgz</c>): its files relative to the chart folder (<c>Chart.yaml</c>, <c>crds/x.yaml</c>,
/// <c>templates/…</c>, <c>values.yaml</c>, <c>values.schema.json</c>), and the <c>sha256:</c> digest of the archive.
/// Files of subcharts (<c>charts/</c>) are kept under their path; nothing is written to disk.
/// </summary>
public sealed record ChartArchive(string Digest, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>Largest archive read (Helm's own limit for a chart archive is 20 MiB).</summary>
    public const long MaxArchiveBytes = 20L * 1024 * 1024;

    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    public string? Text(string path) => Files.GetValueOrDefault(path);

    /// <summary>Reads a chart archive; <paramref name="display"/> names it in errors.</summary>
    /// <exception cref="BuildException">Not a gzipped tar, too large, or without <c>Chart.yaml</c>.</exception>
    public static ChartArchive Read(byte[] archive, string digest, string display)
    {
        if (archive.LongLength > MaxArchiveBytes)
        {
            throw new BuildException(
                $"{display}: the archive is {archive.LongLength} bytes, more than Helm's limit of {MaxArchiveBytes}."
            );
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        long unpacked = 0;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    continue;
                }

                var name = entry.Name.Replace('\\', '/');
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0 || entry.DataStream is null)
                {
                    continue;
                }

                unpacked += entry.Length;
                if (unpacked > MaxUnpackedBytes)
                {
                    throw new BuildException(
                        $"{display}: the archive unpacks to more than {MaxUnpackedBytes} bytes; it is not read."
                    );
                }

                using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
                files[name[(slash + 1)..]] = reader.ReadToEnd();
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or IOException)
        {
            throw new BuildException($"{display}: the archive is not a gzipped tar ({e.Message.TrimEnd('.')}).");
        }

        if (!files.ContainsKey("Chart.yaml"))
        {
            throw new BuildException($"{display}: the archive has no Chart.yaml, so it is not a Helm chart.");
        }

        return new ChartArchive(digest, files);
    }
}
