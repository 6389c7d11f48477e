using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>
/// Locates fields of rendered objects in their unrendered source documents: the document that starts at the
/// object's source line is looked up, and the field's own line is used when the source sets it.
/// </summary>
public sealed class ScanLocator(IEnumerable<Manifest> sourceDocuments) : ISourceLocator
{
    private readonly Dictionary<(string File, int Line), Manifest> _byStart = sourceDocuments
        .GroupBy(m => (m.Location.File, m.Location.Line))
        .ToDictionary(g => g.Key, g => g.First());

    public SourceLocation Locate(Manifest manifest, params string[] path)
    {
        if (path.Length == 0 || !_byStart.TryGetValue((manifest.Location.File, manifest.Location.Line), out var source))
        {
            return manifest.Location;
        }

        for (var length = path.Length; length > 0; length--)
        {
            if (source.Body.Node(path[..length]) is { } node)
            {
                return new SourceLocation(manifest.Location.File, (int)node.Start.Line, (int)node.Start.Column);
            }
        }

        return manifest.Location;
    }
}
