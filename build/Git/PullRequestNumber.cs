using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Git;

/// <summary>
/// Which pull request a run belongs to: the number given on the command line, else (under GitHub Actions) the
/// event payload at <c>GITHUB_EVENT_PATH</c> (<c>pull_request.number</c>, or <c>issue.number</c> of a comment on a
/// pull request), else <c>GITHUB_REF</c> <c>refs/pull/&lt;n&gt;/merge</c>.
/// </summary>
public static partial class PullRequestNumber
{
    public static long Resolve(int given, string? eventPath, string? gitRef)
    {
        if (given > 0)
        {
            return given;
        }

        if (!string.IsNullOrEmpty(eventPath) && FromEvent(eventPath) is { } fromEvent)
        {
            return fromEvent;
        }

        if (gitRef is not null && PullRef().Match(gitRef) is { Success: true } match)
        {
            return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        throw new UsageException(
            "Diff --comment needs the pull request: pass --pull-request <number>, or run it in a pull_request workflow (GITHUB_EVENT_PATH, or GITHUB_REF refs/pull/<number>/merge)."
        );
    }

    /// <summary>The pull request number in an Actions event payload, or null when the event is not about one.</summary>
    public static long? FromEvent(string eventPath)
    {
        ArgumentNullException.ThrowIfNull(eventPath);
        try
        {
            using var payload = JsonDocument.Parse(File.ReadAllText(eventPath));
            var root = payload.RootElement;
            if (
                root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("pull_request", out var pullRequest)
                && pullRequest.ValueKind == JsonValueKind.Object
                && pullRequest.TryGetProperty("number", out var number)
                && number.TryGetInt64(out var value)
            )
            {
                return value;
            }

            return
                root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("issue", out var issue)
                && issue.ValueKind == JsonValueKind.Object
                && issue.TryGetProperty("pull_request", out _)
                && issue.TryGetProperty("number", out var issueNumber)
                && issueNumber.TryGetInt64(out var issueValue)
                ? issueValue
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new BuildException(
                $"{eventPath}: the GitHub Actions event payload (GITHUB_EVENT_PATH) cannot be read as JSON ({e.Message.TrimEnd('.')}); pass --pull-request <number> instead."
            );
        }
    }

    [GeneratedRegex(@"^refs/pull/(\d+)/(?:merge|head)$", RegexOptions.CultureInvariant)]
    private static partial Regex PullRef();
}
