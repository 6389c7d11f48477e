using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GitOpsRunners.Git;

/// <summary>
/// Markdown for a pull request body: a hidden marker naming the tool and purpose, an intro, a
/// table of changes (component, from → to, release notes), collapsed detail sections and a footer.
/// <see cref="Render"/> stays under <paramref name="MaxLength"/> (below GitHub's 65,536 characters):
/// rows and sections that do not fit are cut or left out with a note, and every code block and
/// <c>&lt;details&gt;</c> element that is opened is closed.
/// </summary>
public sealed partial record PullRequestBody(
    string Marker,
    string? Intro,
    IReadOnlyList<PullRequestChange> Changes,
    IReadOnlyList<PullRequestDetails> Details,
    string? Footer,
    int MaxLength = PullRequestBody.DefaultMaxLength
)
{
    public const int GitHubLimit = 65536;
    public const int DefaultMaxLength = 65000;
    private const int MaxIntroLength = 4000;
    private const int NoteReserve = 200;

    /// <summary>An empty body whose marker is <c>&lt;!-- gitops-runners:{marker} --&gt;</c>, e.g. <c>bump</c> or <c>promote/production</c>.</summary>
    public static PullRequestBody For(string marker)
    {
        if (
            string.IsNullOrWhiteSpace(marker)
            || !MarkerName().IsMatch(marker)
            || marker.Contains("--", StringComparison.Ordinal)
        )
        {
            throw new ArgumentException(
                $"Marker '{marker}' must be letters, digits and - _ . / : only, without '--'.",
                nameof(marker)
            );
        }

        return new PullRequestBody(marker, null, [], [], null);
    }

    /// <summary>The hidden comment that identifies bodies written for <paramref name="marker"/>.</summary>
    public static string MarkerComment(string marker) => $"<!-- {GitHubClientFactory.ProductName}:{marker} -->";

    /// <summary>True when <paramref name="body"/> was written by this tool for <paramref name="marker"/>.</summary>
    public static bool HasMarker(string? body, string marker) =>
        body is not null && body.Contains(MarkerComment(marker), StringComparison.Ordinal);

    public PullRequestBody WithIntro(string intro) => this with { Intro = intro };

    public PullRequestBody WithFooter(string footer) => this with { Footer = footer };

    public PullRequestBody WithChange(PullRequestChange change) => this with { Changes = [.. Changes, change] };

    public PullRequestBody WithDetails(PullRequestDetails details) => this with { Details = [.. Details, details] };

    public PullRequestBody WithMaxLength(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, GitHubLimit);
        return this with { MaxLength = maxLength };
    }

    public string Render()
    {
        var footer = string.IsNullOrWhiteSpace(Footer) ? string.Empty : "\n---\n" + Footer.Trim() + "\n";
        var text = new StringBuilder();
        text.Append(MarkerComment(Marker)).Append('\n');
        if (!string.IsNullOrWhiteSpace(Intro))
        {
            text.Append('\n').Append(Cut(Intro.Trim(), MaxIntroLength)).Append('\n');
        }

        var budget = MaxLength - footer.Length - NoteReserve;
        AppendTable(text, budget);
        AppendDetails(text, budget);
        text.Append(footer);
        return text.Length <= MaxLength ? text.ToString() : Cut(text.ToString(), MaxLength);
    }

    private void AppendTable(StringBuilder text, int budget)
    {
        if (Changes.Count == 0)
        {
            return;
        }

        text.Append("\n| Component | From | To | Release notes |\n|---|---|---|---|\n");
        var shown = 0;
        foreach (var change in Changes)
        {
            var row = Row(change);
            if (text.Length + row.Length > budget)
            {
                break;
            }

            text.Append(row);
            shown++;
        }

        if (shown < Changes.Count)
        {
            text.Append(
                $"\n…and {Changes.Count - shown} more change(s), left out to stay within GitHub's size limit.\n"
            );
        }
    }

    private void AppendDetails(StringBuilder text, int budget)
    {
        for (var i = 0; i < Details.Count; i++)
        {
            var full = Section(Details[i], Details[i].Content, truncatedNote: null);
            if (text.Length + full.Length <= budget)
            {
                text.Append(full);
                continue;
            }

            var overhead = Section(Details[i], string.Empty, TruncatedNote(Details[i].Content, 0)).Length;
            var room = budget - text.Length - overhead;
            if (room > NoteReserve)
            {
                var kept = CutAtLine(Details[i].Content, room);
                text.Append(Section(Details[i], kept, TruncatedNote(Details[i].Content, kept.Length)));
                i++;
            }

            if (i < Details.Count)
            {
                text.Append($"\n_{Details.Count - i} more section(s) left out to stay within GitHub's size limit._\n");
            }

            return;
        }
    }

    private static string Row(PullRequestChange change)
    {
        var notes = change.ReleaseNotes is null ? "—" : $"[release notes]({change.ReleaseNotes.AbsoluteUri})";
        var from = string.IsNullOrEmpty(change.From) ? "—" : $"`{Cell(change.From)}`";
        return $"| {Cell(change.Component)} | {from} | `{Cell(change.To)}` | {notes} |\n";
    }

    private static string Section(PullRequestDetails details, string content, string? truncatedNote)
    {
        var fence = new string('`', Math.Max(3, LongestBacktickRun(content) + 1));
        var body = content.EndsWith('\n') || content.Length == 0 ? content : content + "\n";
        var note = truncatedNote is null ? string.Empty : $"\n{truncatedNote}\n";
        return $"\n<details>\n<summary>{WebUtility.HtmlEncode(details.Summary.ReplaceLineEndings(" "))}</summary>\n\n{fence}{details.Language}\n{body}{fence}\n{note}\n</details>\n";
    }

    private static string TruncatedNote(string content, int kept)
    {
        var droppedLines = content.AsSpan(kept).Count('\n') + 1;
        return $"_Truncated: {droppedLines} more line(s) left out to stay within GitHub's size limit._";
    }

    private static string Cell(string text) =>
        text.ReplaceLineEndings(" ")
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("`", "'", StringComparison.Ordinal);

    private static int LongestBacktickRun(string text)
    {
        int longest = 0,
            run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static string CutAtLine(string text, int max)
    {
        var cut = Cut(text, max);
        var lastNewline = cut.LastIndexOf('\n');
        return lastNewline > 0 ? cut[..(lastNewline + 1)] : cut;
    }

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:/-]+$")]
    private static partial Regex MarkerName();
}
