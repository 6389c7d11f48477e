using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Tests.Support.Git;
using GitOpsRunners.Versions.Editing;
using LibGit2Sharp;

namespace GitOpsRunners.Tests.Faults;

/// <summary>Two runs on one clone, and a push from a stale view: the second waits or refuses, nothing is overwritten.</summary>
public sealed class ConcurrentRunSpecs : GitSandboxSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_second_run_on_a_locked_clone_refuses_with_one_line_and_changes_nothing()
    {
        // Arrange: another Bump holds the clone
        Sandbox.CommitOnMain(
            new Dictionary<string, string> { [".nuke/parameters.json"] = "{}" },
            GitSandbox.Epoch.AddHours(1),
            "parameters"
        );
        using var held = await Workspace.LockAsync("Bump --pr", TimeSpan.Zero, CancellationToken.None);
        var before = TreeState.Of(Sandbox.WorkPath);
        var originBefore = Sandbox.OriginBranch("main");

        // Act
        var run = await FaultRun.StartAsync(Sandbox.WorkPath, ["Bump", "--cluster", "alpha", "--lock-wait", "1s"]);

        // Assert
        run.ShouldFailWithOneLine(ExitCodes.TargetFailed, "the second run refuses");
        run.ErrorLines[0].Should().Contain("Another Bump or Promote is running on this clone").And.Contain("Bump --pr");
        TreeState.Of(Sandbox.WorkPath).Should().Equal(before);
        Sandbox.OriginBranch("main").Should().Be(originBefore);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_push_from_a_stale_view_never_overwrites_what_another_run_pushed()
    {
        // Arrange: this run saw the branch absent; meanwhile another run pushed it
        BumpBranch.Commit(
            Workspace,
            new Dictionary<string, string> { ["kubernetes/apps/arc.yaml"] = "version: 0.15.0\n" },
            "theirs"
        );
        await Workspace.PushAsync("bump/arc", force: true, token: null, CancellationToken.None);
        var theirs = Sandbox.OriginBranch("bump/arc");
        BumpBranch.Commit(
            Workspace,
            new Dictionary<string, string> { ["kubernetes/apps/arc.yaml"] = "version: 0.16.0\n" },
            "ours"
        );

        // Act
        var act = () => Workspace.PushAsync("bump/arc", force: true, token: null, Lease.Absent, CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<GitPushException>())
            .Which.Message.Should()
            .Contain("another run pushed to it");
        Sandbox.OriginBranch("bump/arc").Should().Be(theirs);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_edit_of_a_linked_pin_file_keeps_the_link_and_the_file_mode()
    {
        // Arrange
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes
        }

        var target = Path.Combine(Sandbox.WorkPath, "kubernetes/apps/versions.yaml");
        await File.WriteAllTextAsync(target, "data:\n  ARC_CHART_VERSION: 0.14.2\n");
        File.SetUnixFileMode(
            target,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
        );
        var link = Path.Combine(Sandbox.WorkPath, "kubernetes/apps/pins.yaml");
        File.CreateSymbolicLink(link, "versions.yaml");

        // Act
        var changed = await new YamlFileEditor(Sandbox.WorkPath).ApplyAsync(
            [
                new YamlFileEdit(
                    "kubernetes/apps/pins.yaml",
                    [YamlEdit.Set(YamlScalarAddress.AtPath("data.ARC_CHART_VERSION"), "0.15.0")]
                ),
            ],
            CancellationToken.None
        );

        // Assert
        changed.Should().Equal("kubernetes/apps/pins.yaml");
        new FileInfo(link).LinkTarget.Should().Be("versions.yaml");
        (await File.ReadAllTextAsync(target)).Should().Be("data:\n  ARC_CHART_VERSION: 0.15.0\n");
        File.GetUnixFileMode(target)
            .Should()
            .Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);
    }

    [Fact]
    public void A_commit_to_a_linked_pin_file_changes_the_file_it_points_at_and_keeps_the_link()
    {
        // Arrange: main holds versions.yaml and a link pins.yaml -> versions.yaml
        using (var repo = new Repository(Sandbox.WorkPath))
        {
            File.WriteAllText(Path.Combine(Sandbox.WorkPath, "kubernetes/apps/versions.yaml"), "v: 1\n");
            File.CreateSymbolicLink(Path.Combine(Sandbox.WorkPath, "kubernetes/apps/pins.yaml"), "versions.yaml");
            Commands.Stage(repo, "*");
            var signature = new Signature("Test", "test@example.invalid", GitSandbox.Epoch);
            repo.Commit("link", signature, signature);
        }

        // Act
        var commit = BumpBranch.Commit(
            Workspace,
            new Dictionary<string, string> { ["kubernetes/apps/pins.yaml"] = "v: 2\n" },
            "bump"
        );

        // Assert
        using var check = new Repository(Sandbox.WorkPath);
        var tree = check.Lookup<LibGit2Sharp.Commit>(commit.Sha).Tree;
        tree["kubernetes/apps/pins.yaml"].Mode.Should().Be(LibGit2Sharp.Mode.SymbolicLink);
        ((LibGit2Sharp.Blob)tree["kubernetes/apps/versions.yaml"].Target).GetContentText().Should().Be("v: 2\n");
    }
}
