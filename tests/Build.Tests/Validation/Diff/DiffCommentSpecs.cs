using System.Text;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation.Diff;

namespace GitOpsRunners.Tests.Validation.Diff;

/// <summary>
/// <c>Diff --comment</c> against the loopback GitHub API: one marked comment per pull request, posted once and
/// updated in place on every push, cut with a note at GitHub's size limit, and one clear line when it cannot post.
/// </summary>
public sealed class DiffCommentSpecs : IAsyncLifetime
{
    private const string Owner = "acme";
    private GitHubApiServer _github = null!;

    public async Task InitializeAsync() => _github = await GitHubApiServer.StartAsync();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task The_first_run_posts_one_comment_with_the_masked_per_object_diff()
    {
        // Arrange
        using var repo = DiffFixture.Committed();
        var fleet = Fleet("first");
        DiffFixture.SetImage(repo, "nginx:1.27");
        DiffFixture.Replace(
            repo,
            "kubernetes/config/beta/extra/secret.yaml",
            "beta-token-value",
            "rotated-token-value"
        );

        // Act
        var (exitCode, output) = await RunAsync(repo, fleet, ["--pull-request", "1"]);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        var comment = fleet.CommentsOn(1).Should().ContainSingle().Which;
        comment.Body.Should().StartWith(DiffComment.Marker);
        comment
            .Body.Should()
            .Contain("-      - image: nginx:1.25")
            .And.Contain("+      - image: nginx:1.27")
            .And.Contain("secret values changed (masked)");
        comment.Body.Should().NotContain("rotated-token-value").And.NotContain("beta-token-value");
        output.Should().Contain("Diff comment posted on acme/first#1");
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_push_updates_the_same_comment_and_leaves_other_comments_alone()
    {
        // Arrange
        using var repo = DiffFixture.Committed();
        var fleet = Fleet("pushes");
        var human = fleet.AddComment(1, "Looks good, but check the image.", "reviewer");
        DiffFixture.SetImage(repo, "nginx:1.27");
        var first = await RunAsync(repo, fleet, ["--pull-request", "1"]);
        var posted = fleet.CommentsOn(1).Single(c => c.Id != human.Id);
        DiffFixture.SetImage(repo, "nginx:1.28");

        // Act
        var second = await RunAsync(repo, fleet, ["--pull-request", "1"]);

        // Assert
        first.ExitCode.Should().Be(ExitCodes.Success, first.Output);
        second.ExitCode.Should().Be(ExitCodes.Success, second.Output);
        fleet.CommentsOn(1).Select(c => c.Id).Should().Equal(human.Id, posted.Id);
        var updated = fleet.Comment(posted.Id)!;
        updated.Body.Should().Contain("+      - image: nginx:1.28").And.NotContain("nginx:1.27");
        fleet.Comment(human.Id)!.Body.Should().Be("Looks good, but check the image.");
        _github.RequestsTo(GitHubEndpoint.CreateIssueComment).Should().ContainSingle();
        _github.RequestsTo(GitHubEndpoint.UpdateIssueComment).Should().ContainSingle();
        second.Output.Should().Contain("Diff comment updated");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_diff_over_GitHubs_size_limit_is_cut_to_fit_with_a_note()
    {
        // Arrange: a ConfigMap of about 90,000 characters in both clusters.
        using var repo = DiffFixture.Committed();
        var fleet = Fleet("large");
        var big = new StringBuilder("  big: |\n");
        for (var i = 0; i < 3000; i++)
        {
            big.Append("    line ")
                .Append(i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture))
                .Append(" of the large value\n");
        }

        File.AppendAllText(repo.Combine("kubernetes/apps/web/literal.yaml"), big.ToString());

        // Act
        var (exitCode, output) = await RunAsync(repo, fleet, ["--pull-request", "1"]);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        var comment = fleet.CommentsOn(1).Should().ContainSingle().Which;
        comment.Body.Length.Should().BeLessThanOrEqualTo(DiffComment.MaxLength);
        comment.Body.Should().Contain("reached GitHub's limit of 65,536 characters").And.Contain("is cut");
        comment.Body.Should().Contain("+    line 00000 of the large value");
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_rendered_changes_no_comment_is_posted_but_an_earlier_one_is_brought_up_to_date()
    {
        // Arrange: one pull request with no comment yet, one whose earlier push left a diff comment.
        using var repo = DiffFixture.Committed();
        var fleet = Fleet("unchanged");
        fleet.AddPullRequest("feature/reverted", "main", "Revert the image move");
        var earlier = fleet.AddComment(
            2,
            DiffComment.Marker + "\n### Rendered changes: beta: 1 object changed\n",
            "gitops-bot"
        );

        // Act
        var first = await RunAsync(repo, fleet, ["--pull-request", "1"]);
        var second = await RunAsync(repo, fleet, ["--pull-request", "2"]);

        // Assert
        first.ExitCode.Should().Be(ExitCodes.Success, first.Output);
        second.ExitCode.Should().Be(ExitCodes.Success, second.Output);
        fleet.CommentsOn(1).Should().BeEmpty();
        fleet.CommentsOn(2).Should().ContainSingle().Which.Id.Should().Be(earlier.Id);
        fleet.Comment(earlier.Id)!.Body.Should().Contain("no rendered object changes");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_pull_request_number_comes_from_the_Actions_event_payload()
    {
        // Arrange
        using var repo = DiffFixture.Committed();
        var fleet = Fleet("event");
        fleet.AddPullRequest("feature/other", "main", "Another change");
        DiffFixture.SetImage(repo, "nginx:1.27");
        var payload = repo.Combine("event.json");
        File.WriteAllText(payload, """{"action":"synchronize","number":2,"pull_request":{"number":2}}""");

        // Act
        var (exitCode, output) = await RunAsync(repo, fleet, [], new() { ["GITHUB_EVENT_PATH"] = payload });

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        fleet.CommentsOn(1).Should().BeEmpty();
        fleet.CommentsOn(2).Should().ContainSingle();
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_token_it_is_one_line_naming_GITHUB_TOKEN_and_nothing_is_posted()
    {
        // Arrange
        using var repo = DiffFixture.Committed();
        var fleet = Fleet("no-token");
        DiffFixture.SetImage(repo, "nginx:1.27");

        // Act
        var (exitCode, output) = await RunAsync(repo, fleet, ["--pull-request", "1"], token: null);

        // Assert
        exitCode.Should().Be(ExitCodes.Usage, output);
        SingleErrorLine(output).Should().Contain("GITHUB_TOKEN");
        fleet.Comments.Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_403_from_GitHub_is_one_line_that_names_the_permission_the_token_lacks()
    {
        // Arrange
        using var repo = DiffFixture.Committed();
        var fleet = Fleet("forbidden");
        DiffFixture.SetImage(repo, "nginx:1.27");
        _github.Fail(
            GitHubEndpoint.CreateIssueComment,
            GitHubFault.Forbidden("Resource not accessible by integration")
        );

        // Act
        var (exitCode, output) = await RunAsync(repo, fleet, ["--pull-request", "1"]);

        // Assert
        exitCode.Should().Be(ExitCodes.TargetFailed, output);
        SingleErrorLine(output)
            .Should()
            .Contain("403")
            .And.Contain("Resource not accessible by integration")
            .And.Contain("pull-requests: write");
        output.Should().NotContain("   at ");
        fleet.Comments.Should().BeEmpty();
    }

    private FakeRepository Fleet(string name)
    {
        var fleet = _github.Repository(Owner, name);
        fleet.AddPullRequest("feature/web", "main", "Move the web image");
        return fleet;
    }

    private Task<BuildRun> RunAsync(
        TempDirectory repo,
        FakeRepository fleet,
        string[] args,
        Dictionary<string, string>? environment = null,
        string? token = GitHubApiServer.DefaultToken
    )
    {
        environment ??= [];
        environment["GITHUB_API_URL"] = _github.BaseAddress.AbsoluteUri;
        environment["GITHUB_REPOSITORY"] = $"{fleet.Owner}/{fleet.Name}";
        environment["NO_COLOR"] = "1";
        if (token is not null)
        {
            environment["GITHUB_TOKEN"] = token;
        }

        return InProcessBuild.RunAsync(repo.Path, ["Diff", "--base", "HEAD", "--comment", .. args], environment);
    }

    private static string SingleErrorLine(string output) =>
        output.Split('\n').Where(l => l.StartsWith("error", StringComparison.Ordinal)).Should().ContainSingle().Subject;
}
