using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using ScalarEvent = YamlDotNet.Core.Events.Scalar;
using ScalarToken = YamlDotNet.Core.Tokens.Scalar;

namespace GitOpsRunners.Versions.Editing;

/// <summary>
/// The node structure of a YAML text built from YamlDotNet parser events, with each scalar's exact
/// token span taken from the scanner. A leading byte order mark is skipped; spans count it.
/// </summary>
internal sealed class YamlSourceTree
{
    private readonly List<YamlSourceNode?> _documents = [];
    private readonly List<YamlSourceNode> _scalars = [];
    private readonly List<string> _signature = [];

    private YamlSourceTree(string file) => File = file;

    public string File { get; }

    public IReadOnlyList<YamlSourceNode?> Documents => _documents;

    public IReadOnlyList<YamlSourceNode> Scalars => _scalars;

    /// <summary>One line per parser event (kind, anchor, tag, scalar value): equal signatures mean equal trees.</summary>
    public IReadOnlyList<string> Signature => _signature;

    /// <exception cref="YamlEditException">The text is not valid YAML.</exception>
    public static YamlSourceTree Parse(string text, string file)
    {
        var tree = new YamlSourceTree(file);
        var offset = text.StartsWith('\uFEFF') ? 1 : 0;
        var body = offset == 0 ? text : text[offset..];
        try
        {
            var tokenStarts = ScalarTokenStarts(body);
            tree.Build(body, offset, tokenStarts);
        }
        catch (YamlException e)
        {
            throw new YamlEditException([
                $"{file}:{e.Start.Line}: not valid YAML ({e.Message}); fix the file before editing it",
            ]);
        }

        return tree;
    }

    private static Dictionary<long, Mark> ScalarTokenStarts(string body)
    {
        var starts = new Dictionary<long, Mark>();
        var scanner = new Scanner(new StringReader(body), skipComments: true);
        try
        {
            while (scanner.MoveNext())
            {
                if (scanner.Current is ScalarToken token)
                {
                    starts[token.End.Index] = token.Start;
                }
            }
        }
        catch (InvalidOperationException e)
        {
            var at = scanner.CurrentPosition;
            throw new YamlException(at, at, e.Message);
        }

        return starts;
    }

    private void Build(string body, int offset, Dictionary<long, Mark> tokenStarts)
    {
        var parser = new Parser(new StringReader(body));
        var stack = new Stack<Frame>();
        var document = -1;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var ordinal = _signature.Count;
            _signature.Add(Sign(current));
            YamlSourceNode Open(YamlSourceNodeKind kind, NodeEvent start, bool flow) =>
                Attach(
                    stack,
                    document,
                    (path, isKey, inFlow) => Collection(kind, start, flow, document, path, ordinal, isKey, inFlow)
                );

            switch (current)
            {
                case DocumentStart:
                    document++;
                    _documents.Add(null);
                    break;
                case ScalarEvent scalar:
                    var start =
                        tokenStarts.TryGetValue(scalar.End.Index, out var mark) && scalar.End.Index > scalar.Start.Index
                            ? mark
                            : scalar.End;
                    Attach(
                        stack,
                        document,
                        (path, isKey, inFlow) =>
                        {
                            var node = new YamlSourceNode(YamlSourceNodeKind.Scalar, document, path, ordinal)
                            {
                                IsKey = isKey,
                                InFlow = inFlow,
                                Value = scalar.Value,
                                Style = scalar.Style,
                                Anchor = scalar.Anchor.IsEmpty ? "" : scalar.Anchor.Value,
                                Start = (int)start.Index + offset,
                                End = (int)scalar.End.Index + offset,
                                Line = (int)start.Line,
                                Column = (int)start.Column,
                                EventLine = (int)scalar.Start.Line,
                                EventColumn = (int)scalar.Start.Column,
                            };
                            _scalars.Add(node);
                            return node;
                        }
                    );
                    break;
                case AnchorAlias alias:
                    Attach(
                        stack,
                        document,
                        (path, isKey, inFlow) =>
                            new YamlSourceNode(YamlSourceNodeKind.Alias, document, path, ordinal)
                            {
                                IsKey = isKey,
                                InFlow = inFlow,
                                Anchor = alias.Value.Value,
                                Line = (int)alias.Start.Line,
                                Column = (int)alias.Start.Column,
                            }
                    );
                    break;
                case MappingStart map:
                    stack.Push(new Frame(Open(YamlSourceNodeKind.Mapping, map, map.Style == MappingStyle.Flow)));
                    break;
                case SequenceStart seq:
                    stack.Push(new Frame(Open(YamlSourceNodeKind.Sequence, seq, seq.Style == SequenceStyle.Flow)));
                    break;
                case MappingEnd or SequenceEnd:
                    stack.Pop();
                    break;
            }
        }
    }

    private static YamlSourceNode Collection(
        YamlSourceNodeKind kind,
        NodeEvent start,
        bool flow,
        int document,
        string? path,
        int ordinal,
        bool isKey,
        bool inFlow
    ) =>
        new(kind, document, path, ordinal)
        {
            IsKey = isKey,
            InFlow = inFlow,
            IsFlowCollection = flow,
            Anchor = start.Anchor.IsEmpty ? "" : start.Anchor.Value,
            Line = (int)start.Start.Line,
            Column = (int)start.Start.Column,
            EventLine = (int)start.Start.Line,
            EventColumn = (int)start.Start.Column,
        };

    private YamlSourceNode Attach(Stack<Frame> stack, int document, Func<string?, bool, bool, YamlSourceNode> create)
    {
        if (stack.Count == 0)
        {
            var root = create("", false, false);
            _documents[document] = root;
            return root;
        }

        var frame = stack.Peek();
        var parent = frame.Node;
        var inFlow = parent.InFlow || parent.IsFlowCollection;
        if (parent.Kind == YamlSourceNodeKind.Sequence)
        {
            var item = create(Child(parent.Path, YamlPathSegment.At(parent.Items.Count)), false, inFlow);
            parent.Items.Add(item);
            return item;
        }

        if (frame.PendingKey is null)
        {
            var key = create(null, true, inFlow);
            key.Path = PathOfKey(parent.Path, key);
            frame.PendingKey = key;
            return key;
        }

        var value = create(PathOfKey(parent.Path, frame.PendingKey), false, inFlow);
        value.KeyLine = frame.PendingKey.Line;
        parent.Keys.Add(frame.PendingKey);
        parent.Values.Add(value);
        frame.PendingKey = null;
        return value;
    }

    private static string? PathOfKey(string? parentPath, YamlSourceNode? key) =>
        key is { Kind: YamlSourceNodeKind.Scalar } ? Child(parentPath, YamlPathSegment.Of(key.Value)) : null;

    private static string? Child(string? parentPath, YamlPathSegment segment)
    {
        if (parentPath is null)
        {
            return null;
        }

        var segments = YamlPath.Parse(parentPath).Append(segment);
        return YamlPath.Format(segments);
    }

    private static string Sign(ParsingEvent e) =>
        e switch
        {
            ScalarEvent s => $"scalar &{s.Anchor} !{s.Tag} {s.Value}",
            MappingStart m => $"map &{m.Anchor} !{m.Tag} {m.Style}",
            SequenceStart q => $"seq &{q.Anchor} !{q.Tag} {q.Style}",
            AnchorAlias a => $"alias *{a.Value}",
            _ => e.GetType().Name,
        };

    private sealed class Frame(YamlSourceNode node)
    {
        public YamlSourceNode Node { get; } = node;

        public YamlSourceNode? PendingKey { get; set; }
    }
}
