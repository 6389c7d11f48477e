using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Diff;

namespace GitOpsRunners.Tests.Faults;

/// <summary>A changed Secret value shows in Diff as a changed key, its values masked on both sides.</summary>
public sealed class SecretDiffSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_changed_secret_value_shows_which_key_changed_with_the_values_masked()
    {
        // Arrange
        using var before = Tree("old-password-value");
        using var after = Tree("new-password-value");
        using var renderer = new FluxRenderer(KustomizeCli.Locate());

        // Act
        var report = ClusterDiff.Compare(
            await renderer.RenderAllAsync(new RepositoryLayout(before.Path, "kubernetes"), CancellationToken.None),
            await renderer.RenderAllAsync(new RepositoryLayout(after.Path, "kubernetes"), CancellationToken.None)
        );

        // Assert
        var change = report.Changes.Should().ContainSingle().Which;
        change.Object.Should().Contain("Secret").And.Contain("db");
        change.UnifiedDiff.Should().Contain("stringData.password").And.Contain("(masked)");
        change.UnifiedDiff.Should().NotContain("user", "an unchanged key is not listed");
        report.ToUnifiedDiff().Should().NotContain("old-password-value").And.NotContain("new-password-value");
    }

    private static TempDirectory Tree(string password)
    {
        var repo = new TempDirectory();
        repo.Write(
            "kubernetes/clusters/c1/secret.yaml",
            $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: team\nstringData:\n  user: app\n  password: {password}\n"
        );
        return repo;
    }
}
