using System.Collections.Concurrent;
using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Each source file is read and parsed once per renderer, whatever the number of clusters; so is each document of
/// kustomize output that is only read (a build every cluster shares is finished once per cluster, but looked at once).
/// </summary>
internal sealed class ParsedFileCache(Func<string, string> displayPath)
{
    private readonly ConcurrentDictionary<string, Lazy<YamlLoadResult>> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<string[]>> _lines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<YamlMappingNode?>> _outputs = new(StringComparer.Ordinal);

    /// <summary>The first document of <paramref name="text"/> (kustomize output), shared: callers must not change it.</summary>
    public YamlMappingNode? ReadOnlyOutput(string text) =>
        _outputs.GetOrAdd(text, t => new Lazy<YamlMappingNode?>(() => ParseOutput(t))).Value;

    /// <summary>The first document of <paramref name="text"/> (kustomize output), parsed anew for the caller to change.</summary>
    public static YamlMappingNode? ParseOutput(string text) =>
        YamlFileLoader.Parse(text, "<kustomize output>").Documents.FirstOrDefault()?.Root;

    public YamlLoadResult Get(string fullPath) =>
        _files.GetOrAdd(fullPath, p => new Lazy<YamlLoadResult>(() => YamlFileLoader.Load(p, displayPath(p)))).Value;

    public IReadOnlyList<string> Lines(string fullPath) =>
        _lines.GetOrAdd(fullPath, p => new Lazy<string[]>(() => File.Exists(p) ? File.ReadAllLines(p) : [])).Value;
}
