using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;
using LibGit2Sharp;

namespace GitOpsRunners.Tests.Validation.Diff;

public class DiffTargetSpecs
{
    [Fact]
    public async Task Diff_prints_the_per_object_change_between_the_base_commit_and_the_working_tree()
    {
        using var repo = CommittedFixture();
        var deployment = repo.Combine("kubernetes/apps/web/deployment.yaml");
        File.WriteAllText(
            deployment,
            File.ReadAllText(deployment).Replace("image: nginx:1.25", "image: nginx:1.27", StringComparison.Ordinal)
        );

        var (exitCode, output) = await InProcessBuild.RunAsync(repo, "Diff", "--base", "HEAD");

        exitCode.Should().Be(ExitCodes.Success, output);
        output
            .Should()
            .Contain("--- a/beta/Deployment/web-beta/web")
            .And.Contain("-      - image: nginx:1.25")
            .And.Contain("+      - image: nginx:1.27");
        output.Should().Contain("beta: 1 object changed");
    }

    [Fact]
    public async Task Diff_never_prints_secret_values()
    {
        using var repo = CommittedFixture();
        var secret = repo.Combine("kubernetes/config/beta/extra/secret.yaml");
        File.WriteAllText(
            secret,
            File.ReadAllText(secret).Replace("beta-token-value", "rotated-token-value", StringComparison.Ordinal)
        );

        var (exitCode, output) = await InProcessBuild.RunAsync(repo, "Diff", "--base", "HEAD");

        exitCode.Should().Be(ExitCodes.Success, output);
        output.Should().NotContain("rotated-token-value").And.NotContain("beta-token-value");
    }

    [Fact]
    public async Task Without_changes_diff_says_so()
    {
        using var repo = CommittedFixture();

        var (exitCode, output) = await InProcessBuild.RunAsync(repo, "Diff", "--base", "HEAD");

        exitCode.Should().Be(ExitCodes.Success, output);
        output.Should().Contain("no rendered object changes");
    }

    [Fact]
    public async Task An_unknown_base_is_a_usage_error()
    {
        using var repo = CommittedFixture();

        var (exitCode, output) = await InProcessBuild.RunAsync(repo, "Diff", "--base", "no-such-branch");

        exitCode.Should().Be(ExitCodes.Usage);
        output.Should().Contain("--base no-such-branch: no such commit");
    }

    private static TempDirectory CommittedFixture()
    {
        var repo = RepositoryCopy.OfFixture("two-clusters");
        Repository.Init(repo.Path);
        using var git = new Repository(repo.Path);
        Commands.Stage(git, "*");
        var signature = new Signature("Test", "test@example.invalid", DateTimeOffset.UnixEpoch.AddYears(56));
        git.Commit("fixture", signature, signature);
        return repo;
    }
}
