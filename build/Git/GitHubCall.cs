using System.Globalization;
using System.Net;
using GitOpsRunners.Engine;
using Octokit;

namespace GitOpsRunners.Git;

/// <summary>
/// Runs one Octokit call with a cancellation token (Octokit takes none, so the wait is abandoned)
/// and turns GitHub's errors into <see cref="BuildException"/>s that say what to do.
/// </summary>
public static class GitHubCall
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, string doing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        ct.ThrowIfCancellationRequested();
        try
        {
            return await call().WaitAsync(ct).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            throw Describe(ex, doing);
        }
        catch (HttpRequestException ex)
        {
            throw new BuildException(
                $"Cannot reach the GitHub API while {doing}: {ex.Message}. Check network access and {GitHubClientFactory.ApiUrlVariable}.",
                ExitCodes.TargetFailed,
                ex
            );
        }
    }

    /// <summary>The error for a failed GitHub call: 401, primary and secondary rate limits, then status and GitHub's words.</summary>
    public static BuildException Describe(ApiException ex, string doing)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return new BuildException(Explain(ex, doing), ExitCodes.TargetFailed, ex);
    }

    private static string Explain(ApiException ex, string doing) =>
        ex switch
        {
            AuthorizationException =>
                $"GITHUB_TOKEN is missing or invalid: GitHub answered 401 ({GitHubMessage(ex)}) while {doing}. Set GITHUB_TOKEN to a token with contents: write, pull-requests: write and statuses: write.",
            RateLimitExceededException limit =>
                $"GitHub's API rate limit is exhausted ({limit.Remaining}/{limit.Limit} left) while {doing}; it resets at {limit.Reset.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC. Wait until then, or authenticate with GITHUB_TOKEN for a higher limit.",
            SecondaryRateLimitExceededException =>
                $"GitHub's secondary rate limit stopped the build while {doing} ({GitHubMessage(ex)}). Wait a few minutes and run the target again.",
            _ =>
                $"GitHub answered {(int)ex.StatusCode} {ReasonPhrase(ex.StatusCode)} while {doing}: {GitHubMessage(ex)}.{Advice(ex.StatusCode)}",
        };

    /// <summary>GitHub's message plus the messages of each validation error, e.g. "Validation Failed (A pull request already exists for o:b.)".</summary>
    public static string GitHubMessage(ApiException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var message = string.IsNullOrEmpty(ex.ApiError?.Message) ? ex.Message : ex.ApiError.Message;
        var details =
            ex.ApiError?.Errors?.Select(e =>
                    e.Message
                    ?? string.Join(' ', new[] { e.Resource, e.Field, e.Code }.Where(s => !string.IsNullOrEmpty(s)))
                )
                .Where(s => !string.IsNullOrWhiteSpace(s))
                .ToList()
            ?? [];
        return details.Count == 0 ? message : $"{message} ({string.Join("; ", details)})";
    }

    private static string ReasonPhrase(HttpStatusCode status) =>
        status switch
        {
            HttpStatusCode.Forbidden => "Forbidden",
            HttpStatusCode.NotFound => "Not Found",
            HttpStatusCode.UnprocessableEntity => "Unprocessable Entity",
            _ => status.ToString(),
        };

    private static string Advice(HttpStatusCode status) =>
        status switch
        {
            HttpStatusCode.Forbidden => " The token lacks a permission this step needs, or the repository forbids it.",
            HttpStatusCode.NotFound => " Check the owner/repository name and that the token can see the repository.",
            _ => string.Empty,
        };
}
