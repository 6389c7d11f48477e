using System.Text;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Faults;

/// <summary>Hostile files in the tree: an alias bomb, a link out of the repository, a message too long to read.</summary>
public sealed class HostileInputSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task An_alias_bomb_is_refused_at_its_alias_before_kustomize_reads_it()
    {
        // Arrange: nine levels of nine aliases, 9^9 nodes once expanded
        using var repo = Repository();
        var bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n");
        bomb.Append("  l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var level = 1; level < 9; level++)
        {
            var aliases = string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9));
            bomb.Append($"  l{level}: &l{level} [{aliases}]\n");
        }

        repo.Write("kubernetes/clusters/c1/bomb.yaml", bomb.ToString());
        ListInKustomization(repo, "bomb.yaml");
        var before = TreeState.Of(repo.Path);

        // Act
        var run = await FaultRun.StartAsync(repo.Path, ["Validate", "--kustomize-timeout", "20s"]);

        // Assert
        run.ShouldFailWithOneLine(ExitCodes.TargetFailed, "the bomb is a finding, Validate fails once");
        run.Output.Should().MatchRegex(@"kubernetes/clusters/c1/bomb\.yaml:\d+:\d+: error yaml-alias-expansion");
        run.Output.Should().NotContain("did not finish", "kustomize never saw the file");
        TreeState.Of(repo.Path).Should().Equal(before);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_link_to_a_file_outside_the_repository_is_reported_and_never_read()
    {
        // Arrange
        using var repo = Repository();
        using var outside = new TempDirectory();
        repo.Write("kubernetes/clusters/c1/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n");
        LinkToSecretOutside(repo, outside);
        var before = TreeState.Of(repo.Path);

        // Act
        var validate = await FaultRun.StartAsync(repo.Path, ["Validate"]);
        var render = await FaultRun.StartAsync(repo.Path, ["Render", "--cluster", "c1"]);

        // Assert: Flux leaves the link out of the artifact, so the folder renders without it, with a warning
        validate.Elapsed.Should().BeLessThan(FaultRun.Bound);
        validate.ExitCode.Should().Be(ExitCodes.Success, validate.Output);
        validate
            .Output.Should()
            .MatchRegex(
                @"kubernetes/clusters/c1/stolen\.yaml:1: warning symlink symbolic link to '.*' \(outside the repository\): Flux's source-controller leaves links out of the artifact"
            );
        render.ExitCode.Should().Be(ExitCodes.Success, render.Output);
        render.Output.Should().Contain("name: team");
        (validate.Output + render.Output).Should().NotContain("OUTSIDE-CONTENT");
        TreeState.Of(repo.Path).Should().Equal(before);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_kustomization_that_lists_a_link_fails_as_in_flux_without_following_it()
    {
        using var repo = Repository();
        using var outside = new TempDirectory();
        LinkToSecretOutside(repo, outside);
        ListInKustomization(repo, "stolen.yaml");

        var run = await FaultRun.StartAsync(repo.Path, ["Render", "--cluster", "c1"]);

        run.ShouldFailWithOneLine(ExitCodes.TargetFailed, "the build fails in Flux, so it fails here");
        run.Output.Should().Contain("stolen.yaml");
        run.Output.Should().NotContain("OUTSIDE-CONTENT");
    }

    [Fact(Timeout = 120_000)]
    public async Task Kustomize_output_in_a_finding_is_cut_to_a_readable_length()
    {
        using var repo = Repository();
        var name = new string('x', 4000) + ".yaml";
        ListInKustomization(repo, name);

        var run = await FaultRun.StartAsync(repo.Path, ["Validate"]);

        run.ShouldFailWithOneLine(ExitCodes.TargetFailed, "a broken kustomization is a finding");
        var finding = run.Output.Split('\n').First(l => l.Contains("error kustomize-build", StringComparison.Ordinal));
        finding.Length.Should().BeLessThan(1500);
        finding.Should().Contain("more characters; run with --verbosity verbose for the full text");
    }

    /// <summary>Links <c>kubernetes/clusters/c1/stolen.yaml</c> to a ConfigMap holding <c>OUTSIDE-CONTENT</c> in <paramref name="outside"/>.</summary>
    private static void LinkToSecretOutside(TempDirectory repo, TempDirectory outside)
    {
        var secret = outside.Write(
            "stolen.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stolen\ndata:\n  token: OUTSIDE-CONTENT\n"
        );
        File.CreateSymbolicLink(repo.Combine("kubernetes/clusters/c1/stolen.yaml"), secret);
    }

    /// <summary>Writes cluster c1's kustomization.yaml listing <paramref name="resource"/>.</summary>
    private static void ListInKustomization(TempDirectory repo, string resource) =>
        repo.Write(
            "kubernetes/clusters/c1/kustomization.yaml",
            $"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - {resource}\n"
        );

    private static TempDirectory Repository()
    {
        var repo = new TempDirectory();
        repo.Write(".nuke/parameters.json", "{}");
        Directory.CreateDirectory(repo.Combine("kubernetes/clusters/c1"));
        return repo;
    }
}
