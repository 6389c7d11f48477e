using GitOpsRunners.Validation.Diff;

namespace GitOpsRunners.Tests.Validation.Diff;

/// <summary>The body of the Diff comment, rendered from a report (pure).</summary>
public sealed class DiffCommentRenderSpecs
{
    [Fact]
    public void The_body_starts_with_the_marker_and_shows_each_object_in_its_cluster()
    {
        var report = new DiffReport([
            new ObjectChange("alpha", "ConfigMap/web/settings", ChangeKind.Changed, "--- a\n+++ b\n-x: 1\n+x: 2\n"),
            new ObjectChange(
                "beta",
                "Deployment/web/web",
                ChangeKind.Added,
                "--- /dev/null\n+++ b\n+kind: Deployment\n"
            ),
        ]);

        var body = DiffComment.Render(report, "`main` (`0123456789ab`)");

        body.Should().StartWith(DiffComment.Marker + "\n");
        body.Should()
            .Contain("alpha: 1 object changed")
            .And.Contain("`ConfigMap/web/settings` (changed)")
            .And.Contain("`Deployment/web/web` (added)")
            .And.Contain("+x: 2")
            .And.NotContain("GitHub's limit");
    }

    [Fact]
    public void A_diff_holding_backticks_gets_a_longer_fence_so_it_cannot_close_the_block()
    {
        var report = new DiffReport([
            new ObjectChange("alpha", "ConfigMap/docs/readme", ChangeKind.Changed, "-text: ```yaml\n+text: ````\n"),
        ]);

        var body = DiffComment.Render(report, "HEAD");

        body.Should().Contain("`````diff\n-text: ```yaml\n+text: ````\n`````\n");
    }

    [Fact]
    public void Past_the_limit_whole_objects_are_kept_the_next_is_cut_at_a_line_and_a_note_counts_the_rest()
    {
        var lines = string.Concat(Enumerable.Range(0, 200).Select(i => $"+line {i:D3} of a long value\n"));
        var report = new DiffReport([
            .. Enumerable
                .Range(0, 5)
                .Select(i => new ObjectChange("alpha", $"ConfigMap/web/c{i}", ChangeKind.Added, lines)),
        ]);

        var body = DiffComment.Render(report, "HEAD", maxLength: 12_000);

        body.Length.Should().BeLessThanOrEqualTo(12_000);
        body.Should().Contain("`ConfigMap/web/c0` (added)\n").And.Contain("(added, cut)");
        body.Should()
            .Contain("of 5 changed objects are left out")
            .And.Contain("reached GitHub's limit of 12,000 characters");
        body.Split('\n')
            .Where(l => l.StartsWith("+line", StringComparison.Ordinal))
            .Should()
            .OnlyContain(l => l.EndsWith("long value", StringComparison.Ordinal));
    }
}
