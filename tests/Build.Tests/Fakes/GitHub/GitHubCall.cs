using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>One request as a route handler sees it: the repository named in the path, the parsed JSON body (null for none).</summary>
internal sealed record GitHubCall(
    HttpContext Context,
    GitHubApiServer Server,
    FakeRepository Repository,
    JsonNode? Body
)
{
    /// <summary>The API base URL that response links start with.</summary>
    public string ApiBase => Server.ApiBase;

    /// <summary>A route value from the path template, e.g. <c>{sha}</c>; catch-all values come as sent.</summary>
    public string Segment(string name) =>
        Context.Request.RouteValues[name]?.ToString()
        ?? throw new InvalidOperationException($"The route has no '{name}' value.");

    /// <summary>A <c>{name:long}</c> route value.</summary>
    public long Number(string name) => long.Parse(Segment(name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>A string property of the JSON body, or null when the body or the property is missing or not a string.</summary>
    public string? Text(string name) =>
        Body is JsonObject && Body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
