using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOpsRunners.Manifests;

/// <summary>
/// A parser that drops the second occurrence of a scalar mapping key (and its value) and records where
/// it was, so the representation model can still be built and every duplicate is reported.
/// </summary>
internal sealed class DuplicateKeyFilter(IParser inner) : IParser
{
    private readonly Stack<Frame> _frames = new();
    private readonly List<(string Key, Mark Start)> _duplicates = [];

    public IReadOnlyList<(string Key, Mark Start)> Duplicates => _duplicates;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the last event that was read successfully ended.</summary>
    public Mark LastGood { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        while (inner.MoveNext())
        {
            var current = inner.Current!;
            LastGood = current.End;
            if (_frames.TryPeek(out var top) && top.Keys is { } keys && top.ExpectingKey && current is Scalar key)
            {
                if (!keys.Add(key.Value))
                {
                    _duplicates.Add((key.Value, key.Start));
                    SkipNextNode();
                    continue;
                }
            }

            Track(current);
            return true;
        }

        return false;
    }

    private void Track(ParsingEvent current)
    {
        switch (current)
        {
            case MappingStart:
                _frames.Push(new Frame(new HashSet<string>(StringComparer.Ordinal)));
                break;
            case SequenceStart:
                _frames.Push(new Frame(null));
                break;
            case MappingEnd or SequenceEnd:
                _frames.Pop();
                NodeCompleted();
                break;
            case Scalar or AnchorAlias:
                NodeCompleted();
                break;
        }
    }

    private void NodeCompleted()
    {
        if (_frames.TryPeek(out var parent) && parent.Keys is not null)
        {
            parent.ExpectingKey = !parent.ExpectingKey;
        }
    }

    private void SkipNextNode()
    {
        var depth = 0;
        while (inner.MoveNext())
        {
            switch (inner.Current)
            {
                case MappingStart or SequenceStart:
                    depth++;
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }

            if (depth == 0)
            {
                return;
            }
        }
    }

    private sealed class Frame(HashSet<string>? keys)
    {
        public HashSet<string>? Keys { get; } = keys;
        public bool ExpectingKey { get; set; } = true;
    }
}
