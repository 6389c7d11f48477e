using System.Text;

namespace GitOpsRunners.Validation.Diff;

/// <summary>A line-based unified diff (longest common subsequence), like <c>diff -u</c>.</summary>
public static class UnifiedDiff
{
    public static string Render(string before, string after, string beforeName, string afterName, int context = 3)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var edits = Edits(a, b);
        if (edits.All(e => e.Op == ' '))
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append("--- ").AppendLine(beforeName).Append("+++ ").AppendLine(afterName);
        foreach (var hunk in Hunks(edits, context))
        {
            var oldStart = hunk[0].OldLine;
            var newStart = hunk[0].NewLine;
            var oldCount = hunk.Count(e => e.Op != '+');
            var newCount = hunk.Count(e => e.Op != '-');
            text.AppendLine($"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@");
            foreach (var edit in hunk)
            {
                text.Append(edit.Op).AppendLine(edit.Text);
            }
        }

        return text.ToString();
    }

    private static string Range(int start, int count) =>
        count == 1 ? $"{start}" : $"{(count == 0 ? start - 1 : start)},{count}";

    private static string[] SplitLines(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    private sealed record Edit(char Op, string Text, int OldLine, int NewLine);

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int x = 0,
            y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x], x + 1, y + 1));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(new Edit('-', a[x], x + 1, y + 1));
                x++;
            }
            else
            {
                edits.Add(new Edit('+', b[y], x + 1, y + 1));
                y++;
            }
        }

        return edits;
    }

    private static IEnumerable<List<Edit>> Hunks(List<Edit> edits, int context)
    {
        var changed = edits.Select((e, i) => (e, i)).Where(p => p.e.Op != ' ').Select(p => p.i).ToList();
        var start = -1;
        var end = -1;
        foreach (var index in changed)
        {
            if (start >= 0 && index - context <= end + context)
            {
                end = index;
                continue;
            }

            if (start >= 0)
            {
                yield return Slice(edits, start, end, context);
            }

            start = end = index;
        }

        if (start >= 0)
        {
            yield return Slice(edits, start, end, context);
        }
    }

    private static List<Edit> Slice(List<Edit> edits, int start, int end, int context)
    {
        var from = Math.Max(0, start - context);
        var to = Math.Min(edits.Count - 1, end + context);
        return edits.GetRange(from, to - from + 1);
    }
}
