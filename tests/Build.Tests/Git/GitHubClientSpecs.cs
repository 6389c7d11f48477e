using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support.Git;

namespace GitOpsRunners.Tests.Git;

public sealed class GitHubClientSpecs : LoopbackGitHubSpecs
{
    [Theory]
    [InlineData(null, "https://api.github.com/")]
    [InlineData("", "https://api.github.com/")]
    [InlineData("https://ghes.example.com/api/v3", "https://ghes.example.com/api/v3/")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/")]
    public void The_api_url_defaults_to_api_github_com_and_keeps_its_path(string? configured, string expected)
    {
        GitHubClientFactory.ApiBaseAddress(configured).AbsoluteUri.Should().Be(expected);
    }

    [Theory]
    [InlineData("api.github.com")]
    [InlineData("ftp://example.com/")]
    public void An_api_url_that_is_not_http_is_a_usage_error(string configured)
    {
        var act = () => GitHubClientFactory.ApiBaseAddress(configured);

        act.Should().Throw<UsageException>().WithMessage("GITHUB_API_URL=*");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_client_talks_to_the_configured_api_url()
    {
        var client = GitHubClientFactory.Create(
            GitHubApiServer.DefaultToken,
            GitHubClientFactory.ApiBaseAddress(GitHub.BaseAddress.AbsoluteUri.TrimEnd('/'))
        );

        await new CommitStatusPublisher(client).SetAsync(
            Fleet,
            new string('c', 40),
            new CommitStatusSpec("gitops/soak", CommitStatusState.Pending, "Soaking"),
            CancellationToken.None
        );

        GitHub
            .Requests.Should()
            .ContainSingle()
            .Which.Path.Should()
            .Be($"/repos/acme/fleet/statuses/{new string('c', 40)}");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_commit_status_carries_state_context_description_and_target_url()
    {
        var sha = new string('d', 40);
        var status = new CommitStatusSpec(
            "gitops/soak",
            CommitStatusState.Success,
            "Soaked for 24h",
            new Uri("https://example.com/runs/7")
        );

        await new CommitStatusPublisher(GitHub.CreateClient()).SetAsync(Fleet, sha, status, CancellationToken.None);

        GitHub
            .Repository("acme", "fleet")
            .Statuses.Should()
            .ContainSingle()
            .Which.Should()
            .Be(
                new FakeCommitStatus(101, sha, "success", "gitops/soak", "Soaked for 24h", "https://example.com/runs/7")
            );
    }

    [Fact(Timeout = 30_000)]
    public async Task A_long_description_is_cut_to_GitHub_140_character_limit()
    {
        var status = new CommitStatusSpec("gitops/health", CommitStatusState.Failure, new string('x', 300));

        await new CommitStatusPublisher(GitHub.CreateClient()).SetAsync(
            Fleet,
            new string('e', 40),
            status,
            CancellationToken.None
        );

        var description = GitHub.Repository("acme", "fleet").Statuses.Single().Description;
        description.Should().HaveLength(140).And.EndWith("…");
    }

    [Theory]
    [InlineData("main")]
    [InlineData("abc123")]
    [InlineData("")]
    public async Task A_status_for_something_other_than_a_full_sha_is_refused_without_calling_GitHub(string sha)
    {
        var act = () =>
            new CommitStatusPublisher(GitHub.CreateClient()).SetAsync(
                Fleet,
                sha,
                new CommitStatusSpec("gitops/soak", CommitStatusState.Pending, "x"),
                CancellationToken.None
            );

        await act.Should().ThrowAsync<BuildException>().WithMessage("*not a full commit sha*");
        GitHub.Requests.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_status_the_token_may_not_set_reports_403_and_what_to_do()
    {
        GitHub.Fail(GitHubEndpoint.CreateStatus, GitHubFault.Forbidden());

        var act = () =>
            new CommitStatusPublisher(GitHub.CreateClient()).SetAsync(
                Fleet,
                new string('f', 40),
                new CommitStatusSpec("gitops/soak", CommitStatusState.Pending, "x"),
                CancellationToken.None
            );

        var error = (await act.Should().ThrowAsync<BuildException>()).Which;
        error
            .Message.Should()
            .Contain("403")
            .And.Contain("Resource not accessible by integration")
            .And.Contain("permission");
    }
}
