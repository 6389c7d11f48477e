using YamlDotNet.Core;

namespace GitOpsRunners.Versions.Editing;

/// <summary>A node of a YAML text with the exact character span of its token (anchors and tags excluded).</summary>
internal sealed class YamlSourceNode(YamlSourceNodeKind kind, int document, string? path, int ordinal)
{
    public YamlSourceNodeKind Kind { get; } = kind;

    public int Document { get; } = document;

    /// <summary>Key path in <see cref="YamlPath"/> form; null below a key that is not a scalar.</summary>
    public string? Path { get; set; } = path;

    /// <summary>Position of this node's event in the document stream's event list.</summary>
    public int Ordinal { get; } = ordinal;

    public bool IsKey { get; init; }

    public bool InFlow { get; init; }

    public bool IsFlowCollection { get; init; }

    public string Value { get; init; } = "";

    public ScalarStyle Style { get; init; }

    public string Anchor { get; init; } = "";

    /// <summary>Start (inclusive) and end (exclusive) character index in the original text.</summary>
    public int Start { get; init; }

    public int End { get; init; }

    /// <summary>1-based line and column of the token, and of the node's event (which includes anchor and tag).</summary>
    public int Line { get; init; }

    public int Column { get; init; }

    public int EventLine { get; init; }

    /// <summary>Line of the key this node is the value of, when it is a mapping value.</summary>
    public int? KeyLine { get; set; }

    public int EventColumn { get; init; }

    public List<YamlSourceNode> Keys { get; } = [];

    public List<YamlSourceNode> Values { get; } = [];

    public List<YamlSourceNode> Items { get; } = [];

    public string Describe() =>
        Kind switch
        {
            YamlSourceNodeKind.Mapping => "a mapping",
            YamlSourceNodeKind.Sequence => "a sequence",
            YamlSourceNodeKind.Alias => $"an alias (*{Anchor})",
            _ => $"the scalar '{Value}'",
        };
}
