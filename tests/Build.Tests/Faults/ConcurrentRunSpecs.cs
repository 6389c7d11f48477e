using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Tests.Support.Git;
using GitOpsRunners.Versions.Editing;
using LibGit2Sharp;

namespace GitOpsRunners.Tests.Faults;

/// <summary>Two runs on one clone, and a push from a stale view: the second waits or refuses, nothing is overwritten.</summary>
public sealed class ConcurrentRunSpecs : IDisposable
{
    private readonly GitSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task A_second_run_on_a_locked_clone_refuses_with_one_line_and_changes_nothing()
    {
        // Arrange: another Bump holds the clone
        _sandbox.CommitOnMain(
            new Dictionary<string, string> { [".nuke/parameters.json"] = "{}" },
            GitSandbox.Epoch.AddHours(1),
            "parameters"
        );
        using var workspace = GitWorkspace.Open(_sandbox.WorkPath);
        using var held = await workspace.LockAsync("Bump --pr", TimeSpan.Zero, CancellationToken.None);
        var before = TreeState.Of(_sandbox.WorkPath);
        var originBefore = _sandbox.OriginBranch("main");

        // Act
        var run = await FaultRun.StartAsync(_sandbox.WorkPath, ["Bump", "--cluster", "alpha", "--lock-wait", "1s"]);

        // Assert
        run.ShouldFailWithOneLine(ExitCodes.TargetFailed, "the second run refuses");
        run.ErrorLines[0].Should().Contain("Another Bump or Promote is running on this clone").And.Contain("Bump --pr");
        TreeState.Of(_sandbox.WorkPath).Should().Equal(before);
        _sandbox.OriginBranch("main").Should().Be(originBefore);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_push_from_a_stale_view_never_overwrites_what_another_run_pushed()
    {
        // Arrange: this run saw the branch absent; meanwhile another run pushed it
        using var workspace = GitWorkspace.Open(_sandbox.WorkPath);
        BumpBranch.Commit(
            workspace,
            new Dictionary<string, string> { ["kubernetes/apps/arc.yaml"] = "version: 0.15.0\n" },
            "theirs"
        );
        await workspace.PushAsync("bump/arc", force: true, token: null, CancellationToken.None);
        var theirs = _sandbox.OriginBranch("bump/arc");
        BumpBranch.Commit(
            workspace,
            new Dictionary<string, string> { ["kubernetes/apps/arc.yaml"] = "version: 0.16.0\n" },
            "ours"
        );

        // Act
        var act = () => workspace.PushAsync("bump/arc", force: true, token: null, Lease.Absent, CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<GitPushException>())
            .Which.Message.Should()
            .Contain("another run pushed to it");
        _sandbox.OriginBranch("bump/arc").Should().Be(theirs);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_edit_of_a_linked_pin_file_keeps_the_link_and_the_file_mode()
    {
        // Arrange
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes
        }

        var target = Path.Combine(_sandbox.WorkPath, "kubernetes/apps/versions.yaml");
        await File.WriteAllTextAsync(target, "data:\n  ARC_CHART_VERSION: 0.14.2\n");
        File.SetUnixFileMode(
            target,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
        );
        var link = Path.Combine(_sandbox.WorkPath, "kubernetes/apps/pins.yaml");
        File.CreateSymbolicLink(link, "versions.yaml");

        // Act
        var changed = await new YamlFileEditor(_sandbox.WorkPath).ApplyAsync(
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
        using (var repo = new Repository(_sandbox.WorkPath))
        {
            File.WriteAllText(Path.Combine(_sandbox.WorkPath, "kubernetes/apps/versions.yaml"), "v: 1\n");
            File.CreateSymbolicLink(Path.Combine(_sandbox.WorkPath, "kubernetes/apps/pins.yaml"), "versions.yaml");
            Commands.Stage(repo, "*");
            var signature = new Signature("Test", "test@example.invalid", GitSandbox.Epoch);
            repo.Commit("link", signature, signature);
        }

        using var workspace = GitWorkspace.Open(_sandbox.WorkPath);

        // Act
        var commit = BumpBranch.Commit(
            workspace,
            new Dictionary<string, string> { ["kubernetes/apps/pins.yaml"] = "v: 2\n" },
            "bump"
        );

        // Assert
        using var check = new Repository(_sandbox.WorkPath);
        var tree = check.Lookup<LibGit2Sharp.Commit>(commit.Sha).Tree;
        tree["kubernetes/apps/pins.yaml"].Mode.Should().Be(LibGit2Sharp.Mode.SymbolicLink);
        ((LibGit2Sharp.Blob)tree["kubernetes/apps/versions.yaml"].Target).GetContentText().Should().Be("v: 2\n");
    }
}
