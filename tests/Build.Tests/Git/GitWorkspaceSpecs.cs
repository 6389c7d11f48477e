using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Support.Git;
using LibGit2Sharp;

namespace GitOpsRunners.Tests.Git;

public sealed class GitWorkspaceSpecs : GitSandboxSpecs
{
    [Fact]
    public void Opening_a_folder_inside_the_clone_finds_the_repository_and_its_current_branch()
    {
        // Arrange
        Directory.CreateDirectory(Path.Combine(Sandbox.WorkPath, "kubernetes", "apps"));

        // Act
        using var workspace = GitWorkspace.Open(Path.Combine(Sandbox.WorkPath, "kubernetes", "apps"));

        // Assert
        workspace.CurrentBranch.Should().Be("main");
        workspace.HeadSha.Should().Be(Sandbox.InitialSha);
        workspace.IsClean.Should().BeTrue();
    }

    [Fact]
    public void Opening_a_folder_outside_any_repository_is_a_build_error()
    {
        using var outside = new Support.TempDirectory();

        var act = () => GitWorkspace.Open(outside.Path);

        act.Should().Throw<BuildException>().WithMessage("*is not inside a git repository*");
    }

    [Fact]
    public void Modified_and_untracked_files_make_the_tree_unclean()
    {
        using var workspace = GitWorkspace.Open(Sandbox.WorkPath);

        File.WriteAllText(Path.Combine(Sandbox.WorkPath, "notes.txt"), "scratch");
        var withUntracked = workspace.IsClean;
        File.Delete(Path.Combine(Sandbox.WorkPath, "notes.txt"));
        File.AppendAllText(Path.Combine(Sandbox.WorkPath, "README.md"), "edit\n");
        var withModified = workspace.IsClean;

        withUntracked.Should().BeFalse();
        withModified.Should().BeFalse();
    }

    [Fact]
    public void Committing_files_leaves_the_working_tree_and_the_checked_out_branch_as_they_were()
    {
        // Act
        var result = BumpBranch.Commit(
            Workspace,
            new Dictionary<string, string>
            {
                ["kubernetes/apps/arc.yaml"] = "version: 0.15.0\n",
                ["kubernetes/apps/new/values.yaml"] = "replicas: 2\n",
            }
        );

        // Assert
        result.Changed.Should().BeTrue();
        Workspace.BranchTip("bump/arc").Should().Be(result.Sha);
        Workspace.ReadFile(result.Sha, "kubernetes/apps/arc.yaml").Should().Be("version: 0.15.0\n");
        Workspace.ReadFile(result.Sha, "kubernetes/apps/new/values.yaml").Should().Be("replicas: 2\n");
        Workspace.ReadFile(result.Sha, "README.md").Should().Be("# fleet\n");
        Sandbox.ReadWorkingFile("kubernetes/apps/arc.yaml").Should().Be("version: 0.14.2\n");
        File.Exists(Path.Combine(Sandbox.WorkPath, "kubernetes/apps/new/values.yaml")).Should().BeFalse();
        Workspace.CurrentBranch.Should().Be("main");
        Workspace.HeadSha.Should().Be(Sandbox.InitialSha);
        Workspace.IsClean.Should().BeTrue();
    }

    [Fact]
    public void The_new_commit_has_the_base_as_parent_and_the_given_author_and_message()
    {
        var result = BumpBranch.Commit(
            Workspace,
            new Dictionary<string, string> { ["kubernetes/apps/arc.yaml"] = "version: 0.15.0\n" },
            from: Sandbox.InitialSha
        );

        using var repo = new LibGit2Sharp.Repository(Sandbox.WorkPath);
        var commit = repo.Lookup<LibGit2Sharp.Commit>(result.Sha);
        commit.Parents.Select(p => p.Sha).Should().Equal(Sandbox.InitialSha);
        commit.Author.Name.Should().Be("gitops-runners");
        commit.Author.When.Should().Be(BumpBranch.Bot.When!.Value);
        commit.MessageShort.Should().Be("Bump ARC to 0.15.0");
    }

    [Fact]
    public void Committing_content_the_branch_already_has_makes_no_commit()
    {
        var result = BumpBranch.Commit(
            Workspace,
            new Dictionary<string, string> { ["kubernetes/apps/arc.yaml"] = "version: 0.14.2\n" },
            "No-op"
        );

        result.Changed.Should().BeFalse();
        result.Sha.Should().Be(Sandbox.InitialSha);
        Workspace.BranchTip("bump/arc").Should().Be(Sandbox.InitialSha);
    }

    [Theory]
    [InlineData("../outside.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData(".git/config")]
    [InlineData("kubernetes//arc.yaml")]
    [InlineData("")]
    public void A_path_that_leaves_the_repository_or_enters_git_is_refused_and_nothing_is_committed(string path)
    {
        Workspace.CreateOrResetBranch("bump/arc", "main");

        var act = () => CommitPlaceholder("bump/arc", path);

        act.Should().Throw<BuildException>().WithMessage("Cannot commit*");
        Workspace.BranchTip("bump/arc").Should().Be(Sandbox.InitialSha);
    }

    [Fact]
    public void Writing_a_file_where_a_folder_exists_is_refused()
    {
        Workspace.CreateOrResetBranch("bump/arc", "main");

        var act = () => CommitPlaceholder("bump/arc", "kubernetes/apps");

        act.Should().Throw<BuildException>().WithMessage("*kubernetes/apps*not a file*");
    }

    [Fact]
    public void The_checked_out_branch_is_never_reset_or_committed_to()
    {
        var reset = () => Workspace.CreateOrResetBranch("main", Sandbox.InitialSha);
        var commit = () => CommitPlaceholder("main", "README.md");

        reset.Should().Throw<BuildException>().WithMessage("*checked-out branch*");
        commit.Should().Throw<BuildException>().WithMessage("*checked-out branch*");
        Workspace.HeadSha.Should().Be(Sandbox.InitialSha);
    }

    [Fact]
    public void Branching_from_an_unknown_revision_or_to_an_invalid_name_is_a_build_error()
    {
        var unknown = () => Workspace.CreateOrResetBranch("bump/arc", "no-such-branch");
        var invalid = () => Workspace.CreateOrResetBranch("bump..arc", "main");

        unknown.Should().Throw<BuildException>().WithMessage("'no-such-branch' is not a commit*");
        invalid.Should().Throw<BuildException>().WithMessage("'bump..arc' is not a valid branch name.");
    }

    [Fact]
    public void Resetting_an_existing_branch_moves_it_back_to_the_base()
    {
        BumpBranch.Commit(Workspace, new Dictionary<string, string> { ["README.md"] = "changed\n" }, "Change");

        var sha = Workspace.CreateOrResetBranch("bump/arc", "main");

        sha.Should().Be(Sandbox.InitialSha);
        Workspace.BranchTip("bump/arc").Should().Be(Sandbox.InitialSha);
    }

    [Fact]
    public void File_history_lists_the_commits_that_changed_a_file_with_their_commit_times_newest_first()
    {
        // Arrange
        var second = Sandbox.CommitOnMain(
            new Dictionary<string, string> { ["README.md"] = "# fleet v2\n" },
            GitSandbox.Epoch.AddDays(2),
            "Docs only"
        );
        var third = Sandbox.CommitOnMain(
            new Dictionary<string, string> { ["kubernetes/apps/arc.yaml"] = "version: 0.15.0\n" },
            GitSandbox.Epoch.AddDays(5),
            "Bump ARC"
        );

        // Act
        var history = Workspace.FileHistory("kubernetes/apps/arc.yaml");

        // Assert
        second.Should().NotBeNullOrEmpty();
        history
            .Should()
            .Equal(
                new FileRevision(third, GitSandbox.Epoch.AddDays(5), "Bump ARC"),
                new FileRevision(Sandbox.InitialSha, GitSandbox.Epoch, "Initial state")
            );
    }

    [Fact]
    public void File_history_of_a_file_that_never_existed_is_empty()
    {
        Workspace.FileHistory("kubernetes/missing.yaml").Should().BeEmpty();
    }

    [Fact]
    public void Owner_and_repository_come_from_the_origin_url()
    {
        using (var repo = new LibGit2Sharp.Repository(Sandbox.WorkPath))
        {
            repo.Network.Remotes.Update("origin", r => r.Url = "https://github.com/acme/fleet.git");
        }

        Workspace.OwnerAndRepository().Should().Be(new GitHubRepository("acme", "fleet"));
    }

    [Fact]
    public void A_local_path_origin_has_no_GitHub_owner()
    {
        var act = () => Workspace.OwnerAndRepository();

        act.Should().Throw<BuildException>().WithMessage("*not a GitHub URL*");
    }

    /// <summary>Commits a file holding <c>x</c> at <paramref name="path"/> on <paramref name="branch"/> as the bot.</summary>
    private GitCommitResult CommitPlaceholder(string branch, string path) =>
        Workspace.CommitFiles(branch, new Dictionary<string, string> { [path] = "x" }, "Bad", BumpBranch.Bot);
}
