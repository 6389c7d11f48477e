using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Git;

/// <summary>Which pull request Diff --comment writes on: the option, the Actions event payload, then GITHUB_REF.</summary>
public sealed class PullRequestNumberSpecs
{
    [Fact]
    public void The_option_wins_over_the_event_and_the_ref() =>
        PullRequestNumber.Resolve(7, null, "refs/pull/9/merge").Should().Be(7);

    [Fact]
    public void A_comment_on_a_pull_request_names_it_through_its_issue()
    {
        using var folder = new TempDirectory();
        var payload = folder.Combine("event.json");
        File.WriteAllText(payload, """{"issue":{"number":12,"pull_request":{"url":"x"}}}""");

        PullRequestNumber.Resolve(0, payload, null).Should().Be(12);
    }

    [Fact]
    public void A_pull_request_ref_gives_the_number_when_the_event_names_none()
    {
        using var folder = new TempDirectory();
        var payload = folder.Combine("event.json");
        File.WriteAllText(payload, """{"ref":"refs/heads/main"}""");

        PullRequestNumber.Resolve(0, payload, "refs/pull/42/merge").Should().Be(42);
    }

    [Fact]
    public void Without_any_of_them_it_is_a_usage_error_that_says_what_to_pass()
    {
        var act = () => PullRequestNumber.Resolve(0, null, "refs/heads/main");

        act.Should().Throw<UsageException>().WithMessage("*--pull-request <number>*");
    }

    [Fact]
    public void An_event_payload_that_is_not_json_is_named()
    {
        using var folder = new TempDirectory();
        var payload = folder.Combine("event.json");
        File.WriteAllText(payload, "not json {");

        var act = () => PullRequestNumber.Resolve(0, payload, null);

        act.Should().Throw<BuildException>().WithMessage($"{payload}:*GITHUB_EVENT_PATH*");
    }
}
