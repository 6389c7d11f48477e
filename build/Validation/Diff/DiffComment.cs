using System.Globalization;
using System.Text;

namespace GitOpsRunners.Validation.Diff;

/// <summary>
/// The pull-request comment of <c>Diff --comment</c> (pure): a hidden <see cref="Marker"/> that finds it again on
/// the next push, the summary, and each changed object's masked diff, one collapsible section per cluster. A body
/// that would pass GitHub's limit keeps whole objects while they fit, cuts the next one at a line, and ends with a
/// note naming what was left out.
/// </summary>
public static class DiffComment
{
    /// <summary>The first line of the comment; the comment that starts with it is the one updated.</summary>
    public const string Marker = "<!-- gitops-runners:diff -->";

    /// <summary>GitHub's limit for a comment body, in characters.</summary>
    public const int MaxLength = 65_536;

    private const int NoteRoom = 600;
    private const int SmallestCut = 400;
    private const string Close = "</details>\n";

    public static string Render(DiffReport report, string comparedWith, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = new StringBuilder()
            .Append(Marker)
            .Append('\n')
            .Append(CultureInfo.InvariantCulture, $"### Rendered changes: {report.Summary}\n\n")
            .Append(
                CultureInfo.InvariantCulture,
                $"Every cluster rendered as Flux would, compared with {comparedWith}. Secret values are masked.\n"
            );
        string? openCluster = null;
        var shown = 0;
        string? cut = null;
        foreach (var change in report.Changes)
        {
            var opening =
                change.Cluster == openCluster ? "" : (openCluster is null ? "" : Close) + Open(change.Cluster, report);
            var section = Section(change);
            var room = maxLength - body.Length - opening.Length - Close.Length - NoteRoom;
            if (section.Length <= room)
            {
                body.Append(opening).Append(section);
                openCluster = change.Cluster;
                shown++;
                continue;
            }

            if (room >= SmallestCut)
            {
                body.Append(opening).Append(CutSection(change, room));
                openCluster = change.Cluster;
                cut = change.Object;
            }

            break;
        }

        if (openCluster is not null)
        {
            body.Append(Close);
        }

        var left = report.Changes.Count - shown - (cut is null ? 0 : 1);
        if (cut is not null || left > 0)
        {
            body.Append('\n').Append(Note(report.Changes.Count, left, cut, maxLength));
        }

        return body.ToString();
    }

    private static string Open(string cluster, DiffReport report)
    {
        var count = report.Changes.Count(c => c.Cluster == cluster);
        return $"\n<details open><summary>{cluster}: {count} object{(count == 1 ? "" : "s")} changed</summary>\n\n";
    }

    private static string Section(ObjectChange change)
    {
        var fence = Fence(change.UnifiedDiff);
        return $"`{change.Object}` ({Kind(change)})\n{fence}diff\n{change.UnifiedDiff.TrimEnd('\n')}\n{fence}\n\n";
    }

    /// <summary>The object's section with its diff cut at the last whole line that fits in <paramref name="room"/>.</summary>
    private static string CutSection(ObjectChange change, int room)
    {
        var fence = Fence(change.UnifiedDiff);
        var head = $"`{change.Object}` ({Kind(change)}, cut)\n{fence}diff\n";
        const string Tail = "… (the rest of this object's diff is left out)\n";
        var tailFence = $"{fence}\n\n";
        var budget = room - head.Length - Tail.Length - tailFence.Length;
        var lines = new StringBuilder();
        foreach (var line in change.UnifiedDiff.TrimEnd('\n').Split('\n'))
        {
            if (lines.Length + line.Length + 1 > budget)
            {
                break;
            }

            lines.Append(line).Append('\n');
        }

        return head + lines + Tail + tailFence;
    }

    private static string Note(int total, int left, string? cut, int maxLength)
    {
        var parts = new List<string>();
        if (cut is not null)
        {
            parts.Add($"the diff of `{cut}` is cut");
        }

        if (left > 0)
        {
            parts.Add($"{left} of {total} changed objects are left out");
        }

        return $"> **This comment reached GitHub's limit of {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters:** "
            + string.Join(" and ", parts)
            + ". The workflow run's summary and `./build.sh Diff` show the whole diff.\n";
    }

    private static string Kind(ObjectChange change) => change.Kind.ToString().ToLowerInvariant();

    /// <summary>A code fence longer than any run of backticks in <paramref name="text"/>, so the diff cannot close it.</summary>
    private static string Fence(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}
