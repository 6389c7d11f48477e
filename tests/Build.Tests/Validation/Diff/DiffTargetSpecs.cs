using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Validation.Diff;

public class DiffTargetSpecs
{
    [Fact]
    public async Task Diff_prints_the_per_object_change_between_the_base_commit_and_the_working_tree()
    {
        using var repo = DiffFixture.CommittedThenImage("nginx:1.27");

        var output = await DiffAgainstHeadAsync(repo);

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
        using var repo = DiffFixture.Committed();
        DiffFixture.Replace(
            repo,
            "kubernetes/config/beta/extra/secret.yaml",
            "beta-token-value",
            "rotated-token-value"
        );

        var output = await DiffAgainstHeadAsync(repo);

        output.Should().NotContain("rotated-token-value").And.NotContain("beta-token-value");
    }

    [Fact]
    public async Task Without_changes_diff_says_so()
    {
        using var repo = DiffFixture.Committed();

        var output = await DiffAgainstHeadAsync(repo);

        output.Should().Contain("no rendered object changes");
    }

    [Fact]
    public async Task An_unknown_base_is_a_usage_error()
    {
        using var repo = DiffFixture.Committed();

        var (exitCode, output) = await InProcessBuild.RunAsync(repo, "Diff", "--base", "no-such-branch");

        exitCode.Should().Be(ExitCodes.Usage);
        output.Should().Contain("--base no-such-branch: no such commit");
    }

    /// <summary>Runs Diff of <paramref name="repo"/>'s working tree against HEAD; it must succeed. What it printed.</summary>
    private static async Task<string> DiffAgainstHeadAsync(TempDirectory repo)
    {
        var (exitCode, output) = await InProcessBuild.RunAsync(repo, "Diff", "--base", "HEAD");
        exitCode.Should().Be(ExitCodes.Success, output);
        return output;
    }
}
