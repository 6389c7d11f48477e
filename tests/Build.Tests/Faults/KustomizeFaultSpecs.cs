using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Faults;

/// <summary>Validate against inputs that keep kustomize busy: every build is bounded and a slow one is named.</summary>
public sealed class KustomizeFaultSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task A_resource_url_that_never_answers_fails_its_Kustomization_within_the_time_limit()
    {
        // Arrange
        await using var silent = await HangingServer.NeverAnswersAsync();
        using var repo = new TempDirectory();
        repo.Write(".nuke/parameters.json", "{}");
        repo.Write(
            "kubernetes/clusters/c1/kustomization.yaml",
            $"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - {silent.BaseUri}never.yaml\n"
        );
        var before = TreeState.Of(repo.Path);

        // Act
        var run = await FaultRun.StartAsync(repo.Path, ["Validate", "--kustomize-timeout", "4s"]);

        // Assert
        run.ShouldFailWithOneLine(ExitCodes.TargetFailed, "Validate reports its findings and fails once");
        run.Output.Split('\n')
            .Should()
            .Contain(l =>
                l.TrimStart().StartsWith("kubernetes/clusters/c1", StringComparison.Ordinal)
                && l.Contains("error kustomize-build", StringComparison.Ordinal)
                && l.Contains("did not finish within 4.0s", StringComparison.Ordinal)
            );
        run.Output.Should().Contain("kustomize is still building", "a long build is named while it runs");
        TreeState.Of(repo.Path).Should().Equal(before);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_tree_without_clusters_is_an_error_that_says_where_it_looked()
    {
        // Arrange
        using var repo = new TempDirectory();
        repo.Write(".nuke/parameters.json", "{}");
        Directory.CreateDirectory(repo.Combine("kubernetes/clusters"));

        // Act
        var run = await FaultRun.StartAsync(repo.Path, ["Validate"]);

        // Assert
        run.ShouldFailWithOneLine(ExitCodes.TargetFailed, "zero clusters is not a success");
        run.ErrorLines[0].Should().Contain("No clusters to validate").And.Contain("kubernetes/clusters/");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_kustomize_timeout_that_is_not_a_duration_is_a_usage_error()
    {
        using var repo = new TempDirectory();
        repo.Write(".nuke/parameters.json", "{}");
        repo.Write("kubernetes/clusters/c1/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n");

        var run = await FaultRun.StartAsync(repo.Path, ["Validate", "--kustomize-timeout", "soon"]);

        run.ShouldFailWithOneLine(ExitCodes.Usage, "a bad option value is the user's mistake");
        run.ErrorLines[0].Should().Contain("--kustomize-timeout soon: not a duration");
    }
}
