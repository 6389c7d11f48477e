using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support.Git;
using NuGet.Versioning;

namespace GitOpsRunners.Tests.Git;

public sealed class ReleaseLookupSpecs : LoopbackGitHubSpecs
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 30_000)]
    public async Task The_latest_release_of_actions_runner_has_its_version_without_the_v_and_its_publish_time()
    {
        // Arrange
        var runner = GitHub.Repository("actions", "runner");
        runner.AddRelease("v2.328.0", March);
        runner.AddRelease("v2.329.0", March.AddDays(20));
        runner.AddRelease("v2.330.0-beta.1", March.AddDays(25), prerelease: true);

        // Act
        var latest = await new ReleaseLookup(GitHub.CreateClient()).LatestReleaseAsync(
            "actions",
            "runner",
            CancellationToken.None
        );

        // Assert
        latest
            .Should()
            .Be(
                new ReleaseInfo(
                    "v2.329.0",
                    SemanticVersion.Parse("2.329.0"),
                    March.AddDays(20),
                    "https://github.com/actions/runner/releases/tag/v2.329.0",
                    false
                )
            );
        GitHub.Requests.Should().ContainSingle().Which.Path.Should().Be("/repos/actions/runner/releases/latest");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_repository_without_releases_is_a_build_error_naming_it()
    {
        var act = () =>
            new ReleaseLookup(GitHub.CreateClient()).LatestReleaseAsync("actions", "nothing", CancellationToken.None);

        await act.Should().ThrowAsync<BuildException>().WithMessage("actions/nothing has no published release*404*");
    }

    [Fact(Timeout = 30_000)]
    public async Task Releases_are_read_page_by_page_up_to_the_page_limit_and_drafts_are_left_out()
    {
        // Arrange: 250 releases, GitHub pages of 100.
        var arc = GitHub.Repository("actions", "actions-runner-controller");
        for (var i = 0; i < 250; i++)
        {
            arc.AddRelease($"gha-runner-scale-set-0.{i}.0", March.AddHours(i));
        }

        arc.AddRelease("gha-runner-scale-set-9.9.9", March.AddYears(1), draft: true);
        var lookup = new ReleaseLookup(GitHub.CreateClient());

        // Act
        var all = await lookup.ReleasesAsync("actions", "actions-runner-controller", CancellationToken.None);
        var requestsForAll = GitHub.RequestsTo(GitHubEndpoint.ListReleases).Count;
        var firstTwoPages = await lookup.ReleasesAsync(
            "actions",
            "actions-runner-controller",
            maxPages: 2,
            CancellationToken.None
        );

        // Assert
        all.Should().HaveCount(250);
        all[0].Version.Should().Be(SemanticVersion.Parse("0.249.0"));
        all.Should().NotContain(r => r.TagName == "gha-runner-scale-set-9.9.9");
        requestsForAll.Should().Be(3);
        firstTwoPages.Should().HaveCount(199);
        GitHub.RequestsTo(GitHubEndpoint.ListReleases)[0].QueryValue("per_page").Should().Be("100");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_release_is_found_by_tag_and_a_missing_tag_is_null()
    {
        GitHub.Repository("actions", "actions-runner-controller").AddRelease("gha-runner-scale-set-0.15.0", March);
        var lookup = new ReleaseLookup(GitHub.CreateClient());

        var found = await lookup.ReleaseForTagAsync(
            "actions",
            "actions-runner-controller",
            "gha-runner-scale-set-0.15.0",
            CancellationToken.None
        );
        var missing = await lookup.ReleaseForTagAsync(
            "actions",
            "actions-runner-controller",
            "gha-runner-scale-set-0.99.0",
            CancellationToken.None
        );

        found!
            .HtmlUrl.Should()
            .Be("https://github.com/actions/actions-runner-controller/releases/tag/gha-runner-scale-set-0.15.0");
        found.Version.Should().Be(SemanticVersion.Parse("0.15.0"));
        missing.Should().BeNull();
    }

    [Fact(Timeout = 30_000)]
    public async Task Anonymous_reads_hit_the_rate_limit_with_a_clear_message()
    {
        GitHub.Fail(
            GitHubEndpoint.LatestRelease,
            GitHubFault.RateLimited(new DateTimeOffset(2026, 5, 4, 13, 0, 0, TimeSpan.Zero), limit: 60)
        );

        var act = () =>
            new ReleaseLookup(GitHub.CreateClient()).LatestReleaseAsync("actions", "runner", CancellationToken.None);

        await act.Should()
            .ThrowAsync<BuildException>()
            .WithMessage("*rate limit*0/60*2026-05-04 13:00:00 UTC*GITHUB_TOKEN*");
    }

    [Theory]
    [InlineData("v2.329.0", null, "2.329.0")]
    [InlineData("2.329.0", null, "2.329.0")]
    [InlineData("gha-runner-scale-set-0.15.0", null, "0.15.0")]
    [InlineData("gha-runner-scale-set-0.15.0", "gha-runner-scale-set-", "0.15.0")]
    [InlineData("helm-chart-v1.2.3-rc.1", null, "1.2.3-rc.1")]
    [InlineData("external-secrets-2.0.1", null, "2.0.1")]
    public void A_version_is_read_from_the_tag(string tag, string? prefix, string expected)
    {
        ReleaseInfo.ParseVersion(tag, prefix).Should().Be(SemanticVersion.Parse(expected));
    }

    [Theory]
    [InlineData("latest", null)]
    [InlineData("v2.329", null)]
    [InlineData("", null)]
    [InlineData("gha-runner-scale-set-controller-0.15.0", "gha-runner-scale-set-0")]
    [InlineData("v0.15.0", "gha-runner-scale-set-")]
    public void A_tag_without_a_semantic_version_or_with_another_prefix_has_none(string tag, string? prefix)
    {
        ReleaseInfo.ParseVersion(tag, prefix).Should().BeNull();
    }
}
