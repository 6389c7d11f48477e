using GitOpsRunners.Git;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Fakes.GitHub;

namespace GitOpsRunners.Tests.Smoke;

/// <summary>
/// The product's workflow dispatcher for <c>octo/fleet</c> on a loopback GitHub API server, polling every 20 ms
/// unless told: what the smoke specs dispatch runner workflows through.
/// </summary>
internal static class FleetDispatcher
{
    public static readonly GitHubRepository Repository = new("octo", "fleet");

    /// <summary>A dispatcher reaching <paramref name="server"/> with its token, or with <paramref name="token"/>.</summary>
    public static GitHubWorkflowDispatcher On(GitHubApiServer server, string? token = null, TimeSpan? poll = null) =>
        new(server.CreateClient(token), Repository, TimeProvider.System, poll ?? TimeSpan.FromMilliseconds(20));
}
