using System.Collections.Concurrent;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Rendering;

/// <summary>Each source file is read and parsed once per renderer, whatever the number of clusters.</summary>
internal sealed class ParsedFileCache(Func<string, string> displayPath)
{
    private readonly ConcurrentDictionary<string, Lazy<YamlLoadResult>> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<string[]>> _lines = new(StringComparer.Ordinal);

    public YamlLoadResult Get(string fullPath) =>
        _files.GetOrAdd(fullPath, p => new Lazy<YamlLoadResult>(() => YamlFileLoader.Load(p, displayPath(p)))).Value;

    public IReadOnlyList<string> Lines(string fullPath) =>
        _lines.GetOrAdd(fullPath, p => new Lazy<string[]>(() => File.Exists(p) ? File.ReadAllLines(p) : [])).Value;
}
