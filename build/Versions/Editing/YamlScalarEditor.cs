using System.Text;
using YamlDotNet.Core;

namespace GitOpsRunners.Versions.Editing;

/// <summary>
/// Changes the values of chosen scalars in a YAML text and nothing else: every character outside the
/// edited scalars' spans (comments, key order, indentation, line endings, byte order mark, trailing
/// newline) stays as it was. Quoting follows the original style: plain stays plain when the new value is
/// safe and resolves to the same kind of value, otherwise it becomes double-quoted; single- and
/// double-quoted scalars keep their quotes (single falls back to double for line breaks and control
/// characters). Block scalars (<c>|</c>, <c>&gt;</c>) are refused. All edits of one call succeed or none do.
/// </summary>
public static class YamlScalarEditor
{
    public const string NoFile = "<yaml>";

    /// <exception cref="YamlEditException">Any target is missing, ambiguous, a block scalar, stale or conflicting; all problems are listed.</exception>
    public static string Apply(string text, IEnumerable<YamlEdit> edits, string file = NoFile)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        var tree = YamlSourceTree.Parse(text, file);
        var planned = Plan(tree, edits.Distinct().ToList());
        if (planned.Count == 0)
        {
            return text;
        }

        foreach (var (splice, forceDouble) in new[] { (true, false), (false, false), (false, true) })
        {
            var result = Render(text, planned, splice, forceDouble);
            if (Verify(result, tree, planned))
            {
                return result;
            }
        }

        var first = planned[0].Node;
        throw new YamlEditException([
            $"{file}:{first.Line}: the edit could not be written without changing other values; edit this file by hand",
        ]);
    }

    public static string Set(string text, YamlScalarAddress target, string value, string file = NoFile) =>
        Apply(text, [YamlEdit.Set(target, value)], file);

    public static string ReplaceInScalar(
        string text,
        YamlScalarAddress target,
        string oldPart,
        string newPart,
        string file = NoFile
    ) => Apply(text, [YamlEdit.ReplaceInScalar(target, oldPart, newPart)], file);

    /// <exception cref="YamlEditException">The target is missing or ambiguous.</exception>
    public static YamlScalarSpan Locate(string text, YamlScalarAddress target, string file = NoFile)
    {
        var tree = YamlSourceTree.Parse(text, file);
        var node =
            YamlAddressResolver.Resolve(tree, target, out var problem) ?? throw new YamlEditException([problem!]);
        return ToSpan(node);
    }

    /// <summary>Every scalar of the text (keys included) in document order.</summary>
    public static IReadOnlyList<YamlScalarSpan> Scalars(string text, string file = NoFile) =>
        YamlSourceTree.Parse(text, file).Scalars.Select(ToSpan).ToList();

    private static YamlScalarSpan ToSpan(YamlSourceNode n) =>
        new(n.Document, n.Path, n.IsKey, n.Value, n.Style, n.Start, n.End, n.Line, n.Column);

    private static List<PlannedScalar> Plan(YamlSourceTree tree, IReadOnlyList<YamlEdit> edits)
    {
        var problems = new List<string>();
        var planned = new List<PlannedScalar>();
        foreach (var edit in edits)
        {
            var node = YamlAddressResolver.Resolve(tree, edit.Target, out var problem);
            if (node is null)
            {
                problems.Add(problem!);
                continue;
            }

            var where = $"{tree.File}:{node.Line}: {edit.Target}";
            if (node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            {
                problems.Add(
                    $"{where} is a block scalar ('{(node.Style == ScalarStyle.Literal ? '|' : '>')}'), which is not edited in place; rewrite it as a quoted value or edit it by hand"
                );
                continue;
            }

            if (node.End <= node.Start)
            {
                problems.Add($"{where} has no value written in the file; write a placeholder value first");
                continue;
            }

            if (edit.Expected is { } expected && expected != node.Value)
            {
                problems.Add(
                    $"{where} holds '{node.Value}', not the expected '{expected}'; the file changed since the edit was planned, plan again"
                );
                continue;
            }

            var scalar = planned.Find(p => ReferenceEquals(p.Node, node));
            if (scalar is null)
            {
                scalar = new PlannedScalar(node);
                planned.Add(scalar);
            }

            if (edit.ApplyTo(scalar.Value) is { } next)
            {
                scalar.Value = next;
                scalar.Edits.Add(edit);
            }
            else
            {
                var count = CountOf(scalar.Value, edit.OldPart!);
                problems.Add(
                    $"{where}: '{edit.OldPart}' occurs {count} times in '{scalar.Value}', it must occur exactly once; address a longer part of the value"
                );
            }
        }

        if (problems.Count > 0)
        {
            throw new YamlEditException(problems);
        }

        return planned.Where(p => p.Value != p.Node.Value).OrderBy(p => p.Node.Start).ToList();
    }

    private static string Render(string text, List<PlannedScalar> planned, bool splice, bool forceDouble)
    {
        var result = new StringBuilder(text.Length + 64);
        var at = 0;
        foreach (var scalar in planned)
        {
            var node = scalar.Node;
            result.Append(text, at, node.Start - at);
            var raw = text[node.Start..node.End];
            var spliced =
                splice && scalar.Edits is [{ OldPart: { } oldPart } edit]
                    ? TrySplice(raw, node, oldPart, edit.NewValue, scalar.Value)
                    : null;
            result.Append(spliced ?? Write(node, scalar.Value, forceDouble));
            at = node.End;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    private static string Write(YamlSourceNode node, string value, bool forceDouble) =>
        node.Style switch
        {
            ScalarStyle.Plain
                when !forceDouble
                    && YamlScalarText.CanBePlain(value, node.InFlow)
                    && YamlScalarText.Resolution(value) == YamlScalarText.Resolution(node.Value) =>
                YamlScalarText.Plain(value),
            ScalarStyle.SingleQuoted when YamlScalarText.CanBeSingleQuoted(value) => YamlScalarText.SingleQuoted(value),
            _ => YamlScalarText.DoubleQuoted(value),
        };

    private static string? TrySplice(string raw, YamlSourceNode node, string oldPart, string newPart, string newValue)
    {
        if (
            CountOf(raw, oldPart) != 1
            || oldPart.Any(char.IsWhiteSpace)
            || newPart.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        )
        {
            return null;
        }

        var safe = node.Style switch
        {
            ScalarStyle.Plain => YamlScalarText.CanBePlain(newValue, node.InFlow)
                && YamlScalarText.Resolution(newValue) == YamlScalarText.Resolution(node.Value),
            ScalarStyle.SingleQuoted => !oldPart.Contains('\'', StringComparison.Ordinal)
                && !newPart.Contains('\'', StringComparison.Ordinal),
            ScalarStyle.DoubleQuoted => oldPart.IndexOfAny(['\\', '"']) < 0 && newPart.IndexOfAny(['\\', '"']) < 0,
            _ => false,
        };
        return safe ? raw.Replace(oldPart, newPart, StringComparison.Ordinal) : null;
    }

    private static bool Verify(string result, YamlSourceTree before, List<PlannedScalar> planned)
    {
        YamlSourceTree after;
        try
        {
            after = YamlSourceTree.Parse(result, before.File);
        }
        catch (YamlEditException)
        {
            return false;
        }

        if (after.Signature.Count != before.Signature.Count)
        {
            return false;
        }

        var expected = before.Signature.ToArray();
        foreach (var scalar in planned)
        {
            var old = expected[scalar.Node.Ordinal];
            expected[scalar.Node.Ordinal] = old[..^scalar.Node.Value.Length] + scalar.Value;
        }

        return expected.SequenceEqual(after.Signature, StringComparer.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (
            var i = text.IndexOf(part, StringComparison.Ordinal);
            i >= 0;
            i = text.IndexOf(part, i + 1, StringComparison.Ordinal)
        )
        {
            count++;
        }

        return count;
    }

    private sealed class PlannedScalar(YamlSourceNode node)
    {
        public YamlSourceNode Node { get; } = node;

        public string Value { get; set; } = node.Value;

        public List<YamlEdit> Edits { get; } = [];
    }
}
