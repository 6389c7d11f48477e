using GitOpsRunners.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOpsRunners.Manifests;

/// <summary>
/// Refuses YAML whose aliases expand past a bound (an "alias bomb": a few lines that kustomize and the API
/// server expand to billions of nodes). One streaming pass over the parser events: each anchored node's size
/// is remembered, each alias adds that size; nothing is ever expanded here.
/// </summary>
public static class YamlAliasBudget
{
    /// <summary>How many nodes aliases may add to one document: far more than any real manifest repeats.</summary>
    public const long DefaultMaxAliasNodes = 100_000;

    /// <summary>The <c>yaml-alias-expansion</c> finding at the alias that crossed the bound, or null when the text is within it.</summary>
    public static Finding? Check(string text, string relativeFile, long maxAliasNodes = DefaultMaxAliasNodes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('*', StringComparison.Ordinal) || !text.Contains('&', StringComparison.Ordinal))
        {
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Size)>();
        long added = 0;
        try
        {
            while (parser.MoveNext())
            {
                long size;
                switch (parser.Current)
                {
                    case DocumentStart:
                        anchors.Clear();
                        added = 0;
                        continue;
                    case NodeEvent { } node and (MappingStart or SequenceStart):
                        open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, 1));
                        continue;
                    case MappingEnd or SequenceEnd:
                        var (anchor, total) = open.Pop();
                        if (anchor is not null)
                        {
                            anchors[anchor] = total;
                        }

                        size = total;
                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = 1;
                        }

                        size = 1;
                        break;
                    case AnchorAlias alias:
                        size = anchors.GetValueOrDefault(alias.Value.Value, 1);
                        added += size;
                        if (added > maxAliasNodes)
                        {
                            return new Finding(
                                ManifestRules.YamlAliasExpansion,
                                $"YAML aliases in this document expand to more than {maxAliasNodes:N0} extra nodes (an alias bomb); kustomize and the API server would expand every one, so the file is refused before kustomize reads it. Write the values out, or use fewer and smaller anchors.",
                                new SourceLocation(relativeFile, (int)alias.Start.Line, (int)alias.Start.Column)
                            );
                        }

                        break;
                    default:
                        continue;
                }

                if (open.Count > 0)
                {
                    var (parentAnchor, parentSize) = open.Pop();
                    open.Push((parentAnchor, parentSize + size));
                }
            }
        }
        catch (YamlException)
        {
            // A syntax error is reported by the loader, with its own rule.
        }

        return null;
    }
}
