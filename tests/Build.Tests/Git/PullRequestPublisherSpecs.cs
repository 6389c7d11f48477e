using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support.Git;

namespace GitOpsRunners.Tests.Git;

public sealed class PullRequestPublisherSpecs : LoopbackGitHubSpecs
{
    [Fact(Timeout = 30_000)]
    public async Task A_pull_request_is_created_when_none_is_open_for_the_head_branch()
    {
        // Arrange
        var publisher = new PullRequestPublisher(GitHub.CreateClient());

        // Act
        var result = await publisher.PublishAsync(
            Spec("Bump ARC to 0.15.0", "body v1", "dependencies"),
            CancellationToken.None
        );

        // Assert
        result
            .Should()
            .Be(
                result with
                {
                    Number = 1,
                    Url = "https://github.com/acme/fleet/pull/1",
                    Outcome = PullRequestOutcome.Created,
                }
            );
        result.Warnings.Should().BeEmpty();
        var pr = GitHub.Repository("acme", "fleet").PullRequests.Should().ContainSingle().Subject;
        (pr.Head, pr.Base, pr.Title, pr.Body).Should().Be(("bump/arc", "main", "Bump ARC to 0.15.0", "body v1"));
        pr.Labels.Should().Equal("dependencies");
        var query = GitHub.RequestsTo(GitHubEndpoint.ListPullRequests).Should().ContainSingle().Subject;
        query.QueryValue("head").Should().Be("acme:bump/arc");
        query.QueryValue("state").Should().Be("open");
        GitHub.Requests.Should().OnlyContain(r => r.Authorization == $"Token {GitHubApiServer.DefaultToken}");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_rerun_with_a_new_body_updates_the_same_pull_request_and_never_opens_a_second()
    {
        var publisher = new PullRequestPublisher(GitHub.CreateClient());
        var first = await publisher.PublishAsync(Spec("Bump ARC to 0.15.0", "body v1"), CancellationToken.None);

        var second = await publisher.PublishAsync(Spec("Bump ARC to 0.15.1", "body v2"), CancellationToken.None);

        second.Number.Should().Be(first.Number);
        second.Outcome.Should().Be(PullRequestOutcome.Updated);
        var pr = GitHub.Repository("acme", "fleet").PullRequests.Should().ContainSingle().Subject;
        (pr.Title, pr.Body).Should().Be(("Bump ARC to 0.15.1", "body v2"));
        GitHub.RequestsTo(GitHubEndpoint.CreatePullRequest).Should().HaveCount(1);
        GitHub
            .RequestsTo(GitHubEndpoint.UpdatePullRequest)
            .Should()
            .ContainSingle()
            .Which.Path.Should()
            .Be("/repos/acme/fleet/pulls/1");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_rerun_with_the_same_title_body_and_labels_writes_nothing()
    {
        var publisher = new PullRequestPublisher(GitHub.CreateClient());
        await publisher.PublishAsync(Spec("Bump ARC", "same body\n", "dependencies"), CancellationToken.None);

        var again = await publisher.PublishAsync(
            Spec("Bump ARC", "same body\r\n", "dependencies"),
            CancellationToken.None
        );

        again.Outcome.Should().Be(PullRequestOutcome.Unchanged);
        GitHub.RequestsTo(GitHubEndpoint.UpdatePullRequest).Should().BeEmpty();
        GitHub.RequestsTo(GitHubEndpoint.AddIssueLabels).Should().HaveCount(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task Only_labels_the_pull_request_lacks_are_added()
    {
        var repository = GitHub.Repository("acme", "fleet");
        var existing = repository.AddPullRequest("bump/arc", "main", "Bump ARC", "body");
        existing.Labels.Add("dependencies");

        var result = await new PullRequestPublisher(GitHub.CreateClient()).PublishAsync(
            Spec("Bump ARC", "body", "dependencies", "arc"),
            CancellationToken.None
        );

        result.Outcome.Should().Be(PullRequestOutcome.Updated);
        GitHub.RequestsTo(GitHubEndpoint.AddIssueLabels).Should().ContainSingle().Which.Body.Should().Be("""["arc"]""");
        existing.Labels.Should().Equal("dependencies", "arc");
    }

    [Fact(Timeout = 30_000)]
    public async Task When_another_run_creates_the_pull_request_first_the_422_is_settled_by_updating_that_one()
    {
        // Arrange: the lookup misses a pull request that another run opened a moment later.
        GitHub.Repository("acme", "fleet").AddPullRequest("bump/arc", "main", "Bump ARC (other run)", "old");
        GitHub.Fail(GitHubEndpoint.ListPullRequests, GitHubFault.Json(200, "[]"));

        // Act
        var result = await new PullRequestPublisher(GitHub.CreateClient()).PublishAsync(
            Spec("Bump ARC", "new"),
            CancellationToken.None
        );

        // Assert
        result.Number.Should().Be(1);
        result.Outcome.Should().Be(PullRequestOutcome.Updated);
        GitHub.Repository("acme", "fleet").PullRequests.Should().ContainSingle().Which.Body.Should().Be("new");
        GitHub.RequestsTo(GitHubEndpoint.CreatePullRequest).Should().HaveCount(1);
        GitHub.RequestsTo(GitHubEndpoint.ListPullRequests).Should().HaveCount(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task Open_pull_requests_from_other_branches_are_not_taken_for_ours_even_if_the_head_filter_is_ignored()
    {
        // Arrange: GitHub answers with every open pull request, as it does for a head filter it cannot parse.
        var repository = GitHub.Repository("acme", "fleet");
        var other = repository.AddPullRequest("renovate/helm", "main", "Renovate", "theirs");
        var everything = GitHubJson.Serialize(
            new[] { GitHubJson.PullRequest(repository, other, GitHub.BaseAddress.AbsoluteUri) }
        );
        GitHub.Fail(GitHubEndpoint.ListPullRequests, GitHubFault.Json(200, everything));

        // Act
        var result = await new PullRequestPublisher(GitHub.CreateClient()).PublishAsync(
            Spec("Bump ARC", "ours"),
            CancellationToken.None
        );

        // Assert
        result.Outcome.Should().Be(PullRequestOutcome.Created);
        result.Number.Should().Be(2);
        other.Body.Should().Be("theirs");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_bad_token_fails_with_a_message_that_names_GITHUB_TOKEN_and_hides_the_token()
    {
        var publisher = new PullRequestPublisher(GitHub.CreateClient("ghp_wrong_token_value"));

        var act = () => publisher.PublishAsync(Spec("Bump ARC", "body"), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<BuildException>()).Which;
        error
            .Message.Should()
            .StartWith("GITHUB_TOKEN is missing or invalid")
            .And.Contain("Bad credentials")
            .And.NotContain("ghp_wrong_token_value");
        GitHub.Repository("acme", "fleet").PullRequests.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task An_exhausted_rate_limit_fails_with_the_reset_time()
    {
        var reset = new DateTimeOffset(2026, 5, 4, 13, 45, 10, TimeSpan.Zero);
        GitHub.Fail(GitHubEndpoint.ListPullRequests, GitHubFault.RateLimited(reset));

        var act = () =>
            new PullRequestPublisher(GitHub.CreateClient()).PublishAsync(
                Spec("Bump ARC", "body"),
                CancellationToken.None
            );

        var error = (await act.Should().ThrowAsync<BuildException>()).Which;
        error.Message.Should().Contain("rate limit").And.Contain("0/5000").And.Contain("2026-05-04 13:45:10 UTC");
    }

    [Fact(Timeout = 30_000)]
    public async Task Any_other_GitHub_error_reports_the_status_and_GitHub_message()
    {
        GitHub.Fail(
            GitHubEndpoint.CreatePullRequest,
            GitHubFault.ValidationFailed("PullRequest", "invalid", field: "base")
        );

        var act = () =>
            new PullRequestPublisher(GitHub.CreateClient()).PublishAsync(
                Spec("Bump ARC", "body"),
                CancellationToken.None
            );

        var error = (await act.Should().ThrowAsync<BuildException>()).Which;
        error
            .Message.Should()
            .Contain("422")
            .And.Contain("Validation Failed")
            .And.Contain("base")
            .And.Contain("acme:bump/arc");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_label_the_token_may_not_add_is_a_warning_and_the_pull_request_still_stands()
    {
        GitHub.Fail(GitHubEndpoint.AddIssueLabels, GitHubFault.Forbidden());

        var result = await new PullRequestPublisher(GitHub.CreateClient()).PublishAsync(
            Spec("Bump ARC", "body", "dependencies"),
            CancellationToken.None
        );

        result.Outcome.Should().Be(PullRequestOutcome.Created);
        result.Warnings.Should().ContainSingle().Which.Should().Contain("dependencies").And.Contain("403");
        GitHub.Repository("acme", "fleet").PullRequests.Should().ContainSingle();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_publish_stops_before_calling_GitHub()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () =>
            new PullRequestPublisher(GitHub.CreateClient()).PublishAsync(Spec("Bump ARC", "body"), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        GitHub.Requests.Should().BeEmpty();
    }

    private static PullRequestSpec Spec(string title, string body, params string[] labels) =>
        new(Fleet, "bump/arc", "main", title, body, labels);
}
