using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Tests.Support.Git;
using LibGit2Sharp;

namespace GitOpsRunners.Tests.Git;

public sealed class GitPushSpecs : GitSandboxSpecs
{
    private static readonly Dictionary<string, string> Bump = new()
    {
        ["kubernetes/apps/arc.yaml"] = "version: 0.15.0\n",
    };

    [Fact(Timeout = 30_000)]
    public async Task A_new_branch_is_pushed_to_origin()
    {
        // Arrange
        var commit = BumpBranch.Commit(Workspace, Bump);

        // Act
        var result = await Workspace.PushAsync("bump/arc", force: true, token: null, CancellationToken.None);

        // Assert
        result.Should().Be(new GitPushResult("bump/arc", commit.Sha, PushOutcome.Pushed));
        Sandbox.OriginBranch("bump/arc").Should().Be(commit.Sha);
        Sandbox.OriginFile("bump/arc", "kubernetes/apps/arc.yaml").Should().Be("version: 0.15.0\n");
        (await Workspace.RemoteBranchTipAsync("bump/arc", null, CancellationToken.None)).Should().Be(commit.Sha);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_tip_of_a_branch_origin_does_not_have_is_null()
    {
        var tip = await Workspace.RemoteBranchTipAsync("bump/none", null, CancellationToken.None);

        tip.Should().BeNull();
    }

    [Fact(Timeout = 30_000)]
    public async Task Pushing_the_same_commit_again_sends_nothing()
    {
        var commit = BumpBranch.Commit(Workspace, Bump);
        await Workspace.PushAsync("bump/arc", force: true, token: null, CancellationToken.None);

        var again = await Workspace.PushAsync("bump/arc", force: true, token: null, CancellationToken.None);

        again.Should().Be(new GitPushResult("bump/arc", commit.Sha, PushOutcome.AlreadyUpToDate));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_rerun_from_a_fresh_clone_with_the_same_content_adopts_the_pushed_commit_instead_of_pushing()
    {
        // Arrange: a first run pushed the bump; a second run in another clone builds the same tree at a later time.
        string firstSha;
        using (var first = GitWorkspace.Open(Sandbox.WorkPath))
        {
            firstSha = BumpBranch.Commit(first, Bump).Sha;
            await first.PushAsync("bump/arc", force: true, token: null, CancellationToken.None);
        }

        var clonePath = Repository.Clone(Sandbox.OriginPath, Sandbox.Combine("second"));
        using var second = GitWorkspace.Open(clonePath);
        var secondCommit = BumpBranch.Commit(
            second,
            Bump,
            author: BumpBranch.Bot with
            {
                When = GitSandbox.Epoch.AddDays(3),
            }
        );

        // Act
        var result = await second.PushAsync("bump/arc", force: true, token: null, CancellationToken.None);

        // Assert
        secondCommit.Sha.Should().NotBe(firstSha);
        result.Should().Be(new GitPushResult("bump/arc", firstSha, PushOutcome.AlreadyUpToDate));
        second.BranchTip("bump/arc").Should().Be(firstSha);
        Sandbox.OriginBranch("bump/arc").Should().Be(firstSha);
    }

    [Fact(Timeout = 30_000)]
    public async Task Different_content_replaces_the_remote_branch_when_forced()
    {
        BumpBranch.Commit(Workspace, Bump);
        await Workspace.PushAsync("bump/arc", force: true, token: null, CancellationToken.None);
        var newer = BumpBranch.Commit(
            Workspace,
            new Dictionary<string, string> { ["kubernetes/apps/arc.yaml"] = "version: 0.15.1\n" },
            "Bump ARC to 0.15.1"
        );

        var result = await Workspace.PushAsync("bump/arc", force: true, token: null, CancellationToken.None);

        result.Outcome.Should().Be(PushOutcome.Pushed);
        Sandbox.OriginBranch("bump/arc").Should().Be(newer.Sha);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_non_fast_forward_push_without_force_is_rejected_and_origin_keeps_its_commit()
    {
        // Arrange
        var pushed = BumpBranch.Commit(Workspace, Bump);
        await Workspace.PushAsync("bump/arc", force: true, token: null, CancellationToken.None);
        BumpBranch.Commit(
            Workspace,
            new Dictionary<string, string> { ["kubernetes/apps/arc.yaml"] = "version: 0.16.0\n" },
            "Diverge"
        );

        // Act
        var act = () => Workspace.PushAsync("bump/arc", force: false, token: null, CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<GitPushException>()).Which;
        error.Branch.Should().Be("bump/arc");
        error.Message.Should().Contain("fast-forward");
        error.Should().BeAssignableTo<BuildException>();
        Sandbox.OriginBranch("bump/arc").Should().Be(pushed.Sha);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_push_refused_by_a_pre_receive_hook_fails_with_the_remote_message_and_leaves_the_clone_untouched()
    {
        // Arrange: serve origin through git daemon so real receive-pack runs the hook.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var daemon = await GitDaemon.ServeRefusingOriginAsync(
            Sandbox.OriginPath,
            Sandbox.WorkPath,
            "policy: pushes are frozen"
        );
        if (daemon is null)
        {
            return;
        }

        BumpBranch.Commit(Workspace, Bump);

        // Act
        var act = () => Workspace.PushAsync("bump/arc", force: true, token: "ghs_secret_value", CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<GitPushException>()).Which;
        error.RemoteMessage.Should().Contain("pre-receive hook declined");
        error.Message.Should().Contain("refs/heads/bump/arc").And.NotContain("ghs_secret_value");
        Sandbox.OriginBranch("bump/arc").Should().BeNull();
        Workspace.CurrentBranch.Should().Be("main");
        Workspace.HeadSha.Should().Be(Sandbox.InitialSha);
        Workspace.IsClean.Should().BeTrue();
        Sandbox.ReadWorkingFile("kubernetes/apps/arc.yaml").Should().Be("version: 0.14.2\n");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unreachable_origin_is_a_build_error_that_hides_the_token()
    {
        using (var repo = new Repository(Sandbox.WorkPath))
        {
            repo.Network.Remotes.Update(
                "origin",
                r => r.Url = "http://x-access-token:ghs_in_url@127.0.0.1:9/acme/fleet.git"
            );
        }

        BumpBranch.Commit(Workspace, Bump);

        var act = () => Workspace.PushAsync("bump/arc", force: true, token: "ghs_secret_value", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<BuildException>()).Which;
        error.Message.Should().Contain("127.0.0.1:9").And.NotContain("ghs_secret_value").And.NotContain("ghs_in_url");
    }

    [Fact(Timeout = 30_000)]
    public async Task Pushing_a_branch_that_does_not_exist_locally_is_a_build_error()
    {
        var act = () => Workspace.PushAsync("bump/none", force: true, token: null, CancellationToken.None);

        await act.Should().ThrowAsync<BuildException>().WithMessage("*no such local branch*");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_push_does_not_reach_origin()
    {
        BumpBranch.Commit(Workspace, Bump);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => Workspace.PushAsync("bump/arc", force: true, token: null, cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        Sandbox.OriginBranch("bump/arc").Should().BeNull();
    }
}
