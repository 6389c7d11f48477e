using System.Text;

namespace GitOpsRunners.Validation.Diff;

/// <summary>Every changed object; renders as plain unified diffs or as markdown for a pull request comment.</summary>
public sealed record DiffReport(IReadOnlyList<ObjectChange> Changes)
{
    public bool IsEmpty => Changes.Count == 0;

    public string Summary =>
        IsEmpty
            ? "no rendered object changes"
            : string.Join(
                ", ",
                Changes
                    .GroupBy(c => c.Cluster)
                    .Select(g => $"{g.Key}: {g.Count()} object{(g.Count() == 1 ? "" : "s")} changed")
            );

    public string ToUnifiedDiff() => string.Concat(Changes.Select(c => c.UnifiedDiff));

    /// <summary>Markdown with one collapsed section per cluster, cut below <paramref name="maxLength"/> characters.</summary>
    public string ToMarkdown(int maxLength = 60_000)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Rendered changes: {Summary}");
        foreach (var cluster in Changes.GroupBy(c => c.Cluster))
        {
            var section = new StringBuilder();
            section
                .AppendLine()
                .AppendLine($"<details><summary>{cluster.Key}: {cluster.Count()} object(s)</summary>")
                .AppendLine();
            foreach (var change in cluster)
            {
                section
                    .AppendLine($"`{change.Object}` ({change.Kind.ToString().ToLowerInvariant()})")
                    .AppendLine("```diff")
                    .Append(change.UnifiedDiff)
                    .AppendLine("```");
            }

            section.AppendLine("</details>");
            if (text.Length + section.Length > maxLength)
            {
                text.AppendLine()
                    .AppendLine(
                        $"…diff of {cluster.Key} and later clusters left out (too long); run `./build.sh Diff` locally."
                    );
                break;
            }

            text.Append(section);
        }

        return text.ToString();
    }
}
