using System.Globalization;

namespace GitOpsRunners.Versions.Editing;

/// <summary>Finds the one scalar a <see cref="YamlScalarAddress"/> means, or says why there is none.</summary>
internal static class YamlAddressResolver
{
    /// <returns>The scalar, or null with <paramref name="problem"/> set to a <c>file:line: …</c> message.</returns>
    public static YamlSourceNode? Resolve(YamlSourceTree tree, YamlScalarAddress address, out string? problem) =>
        address.IsMark ? ByMark(tree, address, out problem) : ByPath(tree, address, out problem);

    private static YamlSourceNode? ByMark(YamlSourceTree tree, YamlScalarAddress address, out string? problem)
    {
        var found = tree
            .Scalars.Where(s =>
                (s.Line == address.Line && s.Column == address.Column)
                || (s.EventLine == address.Line && s.EventColumn == address.Column)
            )
            .ToList();
        problem = found.Count switch
        {
            1 => null,
            0 =>
                $"{tree.File}:{address.Line}: no scalar starts at column {address.Column}; point at the first character of the value (or of its quote)",
            _ =>
                $"{tree.File}:{address.Line}: {found.Count} scalars start at column {address.Column}; address the value by key path instead",
        };
        return found.Count == 1 ? found[0] : null;
    }

    private static YamlSourceNode? ByPath(YamlSourceTree tree, YamlScalarAddress address, out string? problem)
    {
        problem = null;
        var path = address.Path!;
        if (
            address.Document < 0
            || address.Document >= tree.Documents.Count
            || tree.Documents[address.Document] is not { } root
        )
        {
            problem =
                $"{tree.File}:1: document {address.Document} does not exist (the file has {tree.Documents.Count}); cannot set '{path}'";
            return null;
        }

        var node = root;
        var walked = new List<YamlPathSegment>();
        foreach (var segment in YamlPath.Parse(path))
        {
            var next = Step(node, segment, out var why);
            if (next is null)
            {
                var at = walked.Count == 0 ? "the document root" : $"'{YamlPath.Format(walked)}'";
                problem =
                    $"{tree.File}:{node.KeyLine ?? node.Line}: '{path}' not found in document {address.Document}: {at} {why}";
                return null;
            }

            walked.Add(segment);
            node = next;
        }

        problem = node.Kind switch
        {
            YamlSourceNodeKind.Scalar => null,
            YamlSourceNodeKind.Alias =>
                $"{tree.File}:{node.Line}: '{path}' is an alias (*{node.Anchor}); edit the scalar that carries the anchor &{node.Anchor} instead",
            _ => $"{tree.File}:{node.Line}: '{path}' is {node.Describe()}, not a scalar; address one of its values",
        };
        return problem is null ? node : null;
    }

    private static YamlSourceNode? Step(YamlSourceNode node, YamlPathSegment segment, out string why)
    {
        why = "";
        switch (node.Kind)
        {
            case YamlSourceNodeKind.Mapping when segment.Key is { } key:
                var matches = node
                    .Keys.Select((k, i) => (k, i))
                    .Where(p => p.k.Kind == YamlSourceNodeKind.Scalar && p.k.Value == key)
                    .ToList();
                if (matches.Count == 1)
                {
                    return node.Values[matches[0].i];
                }

                why =
                    matches.Count == 0
                        ? $"has no key '{key}' (keys: {string.Join(", ", node.Keys.Where(k => k.Kind == YamlSourceNodeKind.Scalar).Select(k => k.Value))})"
                        : $"has the key '{key}' {matches.Count} times (lines {string.Join(", ", matches.Select(m => m.k.Line.ToString(CultureInfo.InvariantCulture)))}), so the target is ambiguous";
                return null;
            case YamlSourceNodeKind.Sequence when segment.IsIndex:
                if (segment.Index < node.Items.Count)
                {
                    return node.Items[segment.Index];
                }

                why = $"has {node.Items.Count} items, no index [{segment.Index}]";
                return null;
            default:
                why = segment.IsIndex
                    ? $"is {node.Describe()}, not a sequence"
                    : $"is {node.Describe()}, not a mapping";
                return null;
        }
    }
}
