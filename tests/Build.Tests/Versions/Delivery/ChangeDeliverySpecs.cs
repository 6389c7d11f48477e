using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support.Git;
using GitOpsRunners.Versions.Delivery;
using GitOpsRunners.Versions.Editing;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Versions.Delivery;

/// <summary>
/// The one delivery of Bump and Promote: a dry run prints, the working tree is written all or nothing, and
/// <c>--pr</c> publishes branches and pull requests against a bare origin and the loopback GitHub API.
/// </summary>
public sealed class ChangeDeliverySpecs : LoopbackGitHubSpecs, IDisposable
{
    private const string File = "kubernetes/apps/arc.yaml";
    private const string Branch = "bump/fleet/arc";
    private static readonly GitAuthor Author = new("gitops-runners", "gitops-runners@users.noreply.github.com");

    private readonly GitSandbox _sandbox = new();
    private readonly TestConsole _console = new() { Profile = { Width = 300 } };

    public void Dispose()
    {
        _console.Dispose();
        _sandbox.Dispose();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_dry_run_prints_the_diff_and_the_pull_requests_it_would_publish_and_writes_nothing()
    {
        // Arrange
        var delivery = new ChangeDelivery(_console, _sandbox.WorkPath, new DeliveryOptions(DryRun: true, Pr: true));
        var change = await ChangeAsync("0.15.0");

        // Act
        var result = await delivery.DeliverAsync(change, CancellationToken.None);

        // Assert
        result.Should().Be(DeliveryResult.Nothing);
        _console
            .Output.Should()
            .Contain("-version: 0.14.2")
            .And.Contain("+version: 0.15.0")
            .And.Contain($"Would publish {Branch}: Bump arc to 0.15.0")
            .And.Contain("Dry run");
        _sandbox.ReadWorkingFile(File).Should().Be("version: 0.14.2\n");
        _sandbox.OriginBranch(Branch).Should().BeNull();
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_dry_run_or_pr_the_edits_are_written_to_the_working_tree_and_named()
    {
        // Arrange
        var delivery = new ChangeDelivery(_console, _sandbox.WorkPath, new DeliveryOptions(DryRun: false, Pr: false));

        // Act
        var result = await delivery.DeliverAsync(await ChangeAsync("0.15.0"), CancellationToken.None);

        // Assert
        result.ChangedFiles.Should().Equal(File);
        _sandbox.ReadWorkingFile(File).Should().Be("version: 0.15.0\n");
        _console.Output.Should().Contain($"Wrote {File}");
        _sandbox.OriginBranch(Branch).Should().BeNull();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_working_tree_that_changed_since_planning_is_refused_and_nothing_is_written()
    {
        // Arrange
        var delivery = new ChangeDelivery(_console, _sandbox.WorkPath, new DeliveryOptions(DryRun: false, Pr: false));
        var change = await ChangeAsync("0.15.0");
        System.IO.File.WriteAllText(Path.Combine(_sandbox.WorkPath, File), "version: 0.14.9\n");

        // Act
        var act = () => delivery.DeliverAsync(change, CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<BuildException>())
            .Which.Message.Should()
            .Contain("0.14.9")
            .And.Contain("run again")
            .And.Contain("Nothing was written");
        _sandbox.ReadWorkingFile(File).Should().Be("version: 0.14.9\n");
    }

    [Fact(Timeout = 60_000)]
    public async Task With_pr_each_pull_request_is_pushed_and_opened_and_the_working_tree_is_untouched()
    {
        // Arrange
        using var git = GitWorkspace.Open(_sandbox.WorkPath);
        var delivery = PullRequestDelivery(git);

        // Act
        var result = await delivery.DeliverAsync(await ChangeAsync("0.15.0"), CancellationToken.None);

        // Assert
        result.Published.Should().ContainSingle().Which.Branch.Should().Be(Branch);
        _sandbox.OriginFile(Branch, File).Should().Be("version: 0.15.0\n");
        GitHub.Repository("acme", "fleet").PullRequests.Should().ContainSingle().Which.Head.Should().Be(Branch);
        _sandbox.ReadWorkingFile(File).Should().Be("version: 0.14.2\n");
        _console.Output.Should().Contain("pull request #1 created");
    }

    [Fact(Timeout = 60_000)]
    public async Task With_pr_bad_credentials_stop_the_run_before_anything_is_pushed()
    {
        // Arrange
        using var git = GitWorkspace.Open(_sandbox.WorkPath);
        var delivery = PullRequestDelivery(git, token: "wrong-token");

        // Act
        var act = async () => await delivery.DeliverAsync(await ChangeAsync("0.15.0"), CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<BuildException>())
            .Which.Message.Should()
            .Contain("GITHUB_TOKEN");
        _sandbox.OriginBranch(Branch).Should().BeNull();
        GitHub.Repository("acme", "fleet").PullRequests.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task With_pr_a_change_the_base_branch_already_holds_publishes_nothing()
    {
        // Arrange
        using var git = GitWorkspace.Open(_sandbox.WorkPath);
        var delivery = PullRequestDelivery(git);
        var change = new PlannedChange([], "", [new PendingPullRequest(Branch, "Bump arc", () => null)]);

        // Act
        var result = await delivery.DeliverAsync(change, CancellationToken.None);

        // Assert
        result.Published.Should().BeEmpty();
        _console.Output.Should().Contain("already has this change");
        GitHub.Requests.Should().BeEmpty();
    }

    /// <summary>A <c>--pr</c> delivery publishing through <paramref name="git"/> and the loopback GitHub API as <paramref name="token"/> (the server's own when null).</summary>
    private ChangeDelivery PullRequestDelivery(GitWorkspace git, string? token = null) =>
        new(
            _console,
            _sandbox.WorkPath,
            new DeliveryOptions(DryRun: false, Pr: true),
            new ChangePublisher(git, new PullRequestPublisher(GitHub.CreateClient(token)), Fleet, Author, null)
        );

    /// <summary>Sets <c>version</c> in the sandbox's arc.yaml, planned against its current text.</summary>
    private async Task<PlannedChange> ChangeAsync(string version)
    {
        var edits = new[]
        {
            new YamlFileEdit(File, [YamlEdit.Set(YamlScalarAddress.AtPath("version"), version, expected: "0.14.2")]),
        };
        var after = $"version: {version}\n";
        var request = new ChangeRequest(
            Branch,
            "main",
            new Dictionary<string, string> { [File] = after },
            $"Bump arc to {version}\n",
            $"Bump arc to {version}",
            "Body",
            ["bump"]
        );
        return new PlannedChange(
            edits,
            await EditDiff.RenderAsync(_sandbox.WorkPath, edits, CancellationToken.None),
            [new PendingPullRequest(Branch, request.Title, () => request)]
        );
    }
}
