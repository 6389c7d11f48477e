using GitOpsRunners.Diagnostics;
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

    public SourceLocation Locate(Manifest manifest, params string[] path) => Locate(manifest.Location, path);

    /// <summary>The line of the deepest part of <paramref name="path"/> that the document starting at <paramref name="document"/> sets.</summary>
    public SourceLocation Locate(SourceLocation document, params string[] path)
    {
        if (path.Length == 0 || !_byStart.TryGetValue((document.File, document.Line), out var source))
        {
            return document;
        }

        for (var length = path.Length; length > 0; length--)
        {
            if (source.Body.KeyOrNode(path[..length]) is { } node)
            {
                return new SourceLocation(document.File, (int)node.Start.Line, (int)node.Start.Column);
            }
        }

        return document;
    }
}
