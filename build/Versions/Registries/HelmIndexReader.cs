using System.Globalization;
using GitOpsRunners.Engine;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Reads a Helm repository index (<c>index.yaml</c>, or the same as JSON) event by event: only
/// <c>apiVersion</c> and, per chart, the fields of <see cref="HelmChartVersion"/> are kept; descriptions,
/// maintainers, dependencies and other charts' metadata are skipped without building a document tree.
/// Entries marked <c>removed: true</c> are left out. Versions come back newest first by SemVer
/// (Helm re-sorts too; server order means nothing).
/// </summary>
public static class HelmIndexReader
{
    /// <summary>The scalar fields of a chart version that are kept; the last occurrence of a key wins.</summary>
    private static readonly HashSet<string> ScalarFields = new(StringComparer.Ordinal)
    {
        "version",
        "appVersion",
        "created",
        "digest",
        "removed",
    };

    public static IReadOnlyDictionary<string, IReadOnlyList<HelmChartVersion>> Read(TextReader reader, Uri indexUri)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(indexUri);
        try
        {
            return ReadIndex(new Parser(reader), indexUri);
        }
        catch (YamlException ex)
        {
            throw new BuildException(
                $"{indexUri}:{ex.Start.Line}: the Helm repository index is not valid YAML: {ex.Message}"
            );
        }
    }

    private static Dictionary<string, IReadOnlyList<HelmChartVersion>> ReadIndex(Parser parser, Uri indexUri)
    {
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
            throw new BuildException(
                $"{indexUri}: the Helm repository index is empty or not a mapping; expected apiVersion and entries."
            );

        string? apiVersion = null;
        var charts = new Dictionary<string, IReadOnlyList<HelmChartVersion>>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>().Value;
            if (key == "apiVersion")
                apiVersion = ScalarOrNull(parser);
            else if (key == "entries" && parser.TryConsume<MappingStart>(out _))
                ReadEntries(parser, indexUri, charts);
            else
                parser.SkipThisAndNestedEvents();
        }

        if (string.IsNullOrEmpty(apiVersion))
            throw new BuildException(
                $"{indexUri}: the Helm repository index has no apiVersion; it is not a Helm index."
            );
        return charts;
    }

    private static void ReadEntries(
        Parser parser,
        Uri indexUri,
        Dictionary<string, IReadOnlyList<HelmChartVersion>> charts
    )
    {
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var chart = parser.Consume<Scalar>().Value;
            if (!parser.TryConsume<SequenceStart>(out _))
            {
                parser.SkipThisAndNestedEvents();
                continue;
            }

            var versions = new List<HelmChartVersion>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                if (ReadVersion(parser, indexUri) is { } version)
                    versions.Add(version);
            }

            charts[chart] =
            [
                .. versions.OrderByDescending(v => VersionTags.TryParse(v.Version, out var parsed) ? parsed : null),
            ];
        }
    }

    private static HelmChartVersion? ReadVersion(Parser parser, Uri indexUri)
    {
        if (!parser.TryConsume<MappingStart>(out _))
        {
            parser.SkipThisAndNestedEvents();
            return null;
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        var urls = new List<Uri>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>().Value;
            if (ScalarFields.Contains(key))
                fields[key] = ScalarOrNull(parser);
            else if (key == "urls" && parser.TryConsume<SequenceStart>(out _))
                ReadUrls(parser, indexUri, urls);
            else
                parser.SkipThisAndNestedEvents();
        }

        var version = fields.GetValueOrDefault("version");
        if (
            string.IsNullOrEmpty(version)
            || string.Equals(fields.GetValueOrDefault("removed"), "true", StringComparison.OrdinalIgnoreCase)
        )
            return null;
        return new HelmChartVersion(
            version,
            NullIfEmpty(fields.GetValueOrDefault("appVersion")),
            DateTimeOffset.TryParse(
                fields.GetValueOrDefault("created"),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out var when
            )
                ? when
                : null,
            NullIfEmpty(fields.GetValueOrDefault("digest")),
            urls
        );
    }

    private static void ReadUrls(Parser parser, Uri indexUri, List<Uri> urls)
    {
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (ScalarOrNull(parser) is { Length: > 0 } url && Uri.TryCreate(indexUri, url, out var resolved))
                urls.Add(resolved);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? ScalarOrNull(Parser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
            return scalar.Value;
        parser.SkipThisAndNestedEvents();
        return null;
    }
}
