namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>A canned response the fake returns instead of the real one, in GitHub's error shapes.</summary>
public sealed record GitHubFault(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    private const string Docs = "https://docs.github.com/rest";

    public static GitHubFault BadCredentials() =>
        Json(401, $$"""{"message":"Bad credentials","documentation_url":"{{Docs}}","status":"401"}""");

    /// <summary>A primary rate limit: 403 with <c>X-RateLimit-Remaining: 0</c> and the reset time in epoch seconds.</summary>
    public static GitHubFault RateLimited(DateTimeOffset reset, int limit = 5000) =>
        new(
            403,
            $$"""{"message":"API rate limit exceeded for installation ID 4242.","documentation_url":"{{Docs}}/overview/resources-in-the-rest-api#rate-limiting","status":"403"}""",
            new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Used"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["X-RateLimit-Reset"] = reset
                    .ToUnixTimeSeconds()
                    .ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["X-RateLimit-Resource"] = "core",
            }
        );

    public static GitHubFault Forbidden(string message = "Resource not accessible by integration") =>
        Json(403, $$"""{"message":"{{message}}","documentation_url":"{{Docs}}","status":"403"}""");

    public static GitHubFault NotFound() =>
        Json(404, $$"""{"message":"Not Found","documentation_url":"{{Docs}}","status":"404"}""");

    public static GitHubFault ValidationFailed(
        string resource,
        string code,
        string? message = null,
        string? field = null
    ) =>
        Json(
            422,
            System.Text.Json.JsonSerializer.Serialize(
                new
                {
                    message = "Validation Failed",
                    errors = new[]
                    {
                        new
                        {
                            resource,
                            code,
                            field,
                            message,
                        },
                    },
                    documentation_url = Docs,
                    status = "422",
                }
            )
        );

    public static GitHubFault ServerError() => Json(500, """{"message":"Server Error"}""");

    /// <summary>Any status with a JSON body, e.g. <c>Json(200, "[]")</c> to hide existing data once.</summary>
    public static GitHubFault Json(int status, string body) => new(status, body, new Dictionary<string, string>());
}
