using GitOpsRunners.Manifests;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Versions.Pins;

/// <summary>
/// The unrendered source files of a cluster (repository-relative path → text), so that a rendered value
/// can be traced back to the field that holds <c>${VAR}</c> and to the ConfigMap line that sets the
/// variable. Files are parsed on first use; a file that does not parse is treated as absent.
/// </summary>
public sealed class PinSources(IReadOnlyDictionary<string, string> files)
{
    private readonly Dictionary<string, IReadOnlyList<RawDocument>> _parsed = new(StringComparer.Ordinal);

    public static PinSources Empty { get; } = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Files { get; } = files;

    /// <summary>The unrendered document a rendered object came from: same kind and name, nearest to its first line.</summary>
    internal RawDocument? DocumentOf(Manifest manifest)
    {
        var documents = Documents(manifest.Location.File);
        var named = documents.Where(d => d.Kind == manifest.Kind && d.Name == manifest.Name).ToList();
        var candidates = named.Count > 0 ? named : documents.ToList();
        var line = manifest.Location.Line;
        return candidates.Where(d => d.StartLine >= line).MinBy(d => d.StartLine)
            ?? candidates.Where(d => d.StartLine < line).MaxBy(d => d.StartLine);
    }

    /// <summary>Every unrendered document of the given kind and name in any file, for objects missing from the rendered cluster.</summary>
    internal IEnumerable<RawDocument> Find(string kind, string name, string? ns) =>
        Files
            .Keys.Order(StringComparer.Ordinal)
            .SelectMany(Documents)
            .Where(d => d.Kind == kind && d.Name == name && (ns is null || d.Namespace is null || d.Namespace == ns));

    internal IReadOnlyList<RawDocument> Documents(string file)
    {
        if (_parsed.TryGetValue(file, out var cached))
        {
            return cached;
        }

        var documents = new List<RawDocument>();
        if (Files.TryGetValue(file, out var text))
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text));
                documents.AddRange(stream.Documents.Select((d, i) => new RawDocument(file, i, d.RootNode)));
            }
            catch (YamlException)
            {
                documents.Clear();
            }
        }

        _parsed[file] = documents;
        return documents;
    }
}
