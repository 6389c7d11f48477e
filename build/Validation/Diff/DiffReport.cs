using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsRunners.Validation.Diff;

/// <summary>Every changed object; renders as plain unified diffs or as markdown for a pull request comment.</summary>
public sealed record DiffReport(IReadOnlyList<ObjectChange> Changes)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

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

    /// <summary>
    /// <c>Diff --format json</c>: what was compared, the summary, and one entry per changed object (cluster, object,
    /// added/changed/removed, its masked unified diff).
    /// </summary>
    public string ToJson(string baseRevision, string baseDescription)
    {
        var changes = new JsonArray();
        foreach (var change in Changes)
        {
            changes.Add(
                new JsonObject
                {
                    ["cluster"] = change.Cluster,
                    ["object"] = change.Object,
                    ["change"] = change.Kind.ToString().ToLowerInvariant(),
                    ["diff"] = change.UnifiedDiff,
                }
            );
        }

        return new JsonObject
        {
            ["base"] = new JsonObject { ["revision"] = baseRevision, ["description"] = baseDescription },
            ["summary"] = Summary,
            ["changes"] = changes,
        }.ToJsonString(Indented);
    }

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
