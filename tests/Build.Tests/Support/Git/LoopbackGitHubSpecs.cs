using GitOpsRunners.Git;
using GitOpsRunners.Tests.Fakes.GitHub;

namespace GitOpsRunners.Tests.Support.Git;

/// <summary>Specs that each talk to a fresh loopback GitHub API, started before and stopped after every test.</summary>
public abstract class LoopbackGitHubSpecs : IAsyncLifetime
{
    /// <summary>The repository pull requests are published to.</summary>
    protected static readonly GitHubRepository Fleet = new("acme", "fleet");

    protected GitHubApiServer GitHub { get; private set; } = null!;

    public async Task InitializeAsync() => GitHub = await GitHubApiServer.StartAsync();

    public async Task DisposeAsync() => await GitHub.DisposeAsync();
}
