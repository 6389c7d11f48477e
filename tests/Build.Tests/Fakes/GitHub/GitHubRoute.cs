using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>One REST route of the fake: method, path under <c>/repos/{owner}/{repo}</c>, the endpoint it counts as, its handler.</summary>
internal sealed record GitHubRoute(
    string Method,
    string Path,
    GitHubEndpoint Endpoint,
    Func<GitHubCall, IResult> Handle
);
