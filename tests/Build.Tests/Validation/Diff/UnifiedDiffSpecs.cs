using GitOpsRunners.Validation.Diff;

namespace GitOpsRunners.Tests.Validation.Diff;

public class UnifiedDiffSpecs
{
    [Fact]
    public void Identical_texts_have_no_diff() => UnifiedDiff.Render("a\nb\n", "a\nb\n", "a", "b").Should().BeEmpty();

    [Fact]
    public void A_changed_line_shows_as_removal_and_addition_with_context()
    {
        var before = "one\ntwo\nthree\nfour\nfive\n";
        var after = "one\ntwo\nTHREE\nfour\nfive\n";

        var diff = UnifiedDiff.Render(before, after, "before/x", "after/x", context: 1);

        diff.Should().Be("--- before/x\n+++ after/x\n@@ -2,3 +2,3 @@\n two\n-three\n+THREE\n four\n");
    }

    [Fact]
    public void Distant_changes_make_separate_hunks()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20)) + "\n";
        var after = before
            .Replace("\n2\n", "\nX\n", StringComparison.Ordinal)
            .Replace("\n18\n", "\nY\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Render(before, after, "a", "b", context: 2);

        diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public void An_added_file_is_all_additions()
    {
        var diff = UnifiedDiff.Render("", "a\nb\n", "/dev/null", "b/x");

        diff.Should().Be("--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    }
}
