namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>A request as the fake received it. <paramref name="Query"/> is the raw query string without '?'.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string Body,
    string? Authorization,
    GitHubEndpoint? Endpoint
)
{
    /// <summary>The decoded value of a query parameter, or null.</summary>
    public string? QueryValue(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var values)
            ? values.ToString()
            : null;
}
