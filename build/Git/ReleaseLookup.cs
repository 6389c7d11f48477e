using GitOpsRunners.Engine;
using Octokit;

namespace GitOpsRunners.Git;

/// <summary>Reads published releases of a GitHub repository (e.g. actions/runner, actions/actions-runner-controller).</summary>
public sealed class ReleaseLookup(IGitHubClient client)
{
    public const int PageSize = 100;

    /// <summary>The newest non-prerelease, non-draft release (GitHub's "latest").</summary>
    public async Task<ReleaseInfo> LatestReleaseAsync(string owner, string repo, CancellationToken ct)
    {
        try
        {
            var release = await client.Repository.Release.GetLatest(owner, repo).WaitAsync(ct).ConfigureAwait(false);
            return ToInfo(release);
        }
        catch (NotFoundException ex)
        {
            throw new BuildException(
                $"{owner}/{repo} has no published release, or the repository does not exist (GitHub answered 404). Check the name in the version sources.",
                ExitCodes.TargetFailed,
                ex
            );
        }
        catch (ApiException ex)
        {
            throw GitHubCall.Describe(ex, $"reading the latest release of {owner}/{repo}");
        }
    }

    /// <summary>The release with tag <paramref name="tag"/>, or null when there is none.</summary>
    public async Task<ReleaseInfo?> ReleaseForTagAsync(string owner, string repo, string tag, CancellationToken ct)
    {
        try
        {
            var release = await client.Repository.Release.Get(owner, repo, tag).WaitAsync(ct).ConfigureAwait(false);
            return ToInfo(release);
        }
        catch (NotFoundException)
        {
            return null;
        }
        catch (ApiException ex)
        {
            throw GitHubCall.Describe(ex, $"reading release {tag} of {owner}/{repo}");
        }
    }

    /// <summary>Published releases, newest first as GitHub lists them, from the first three pages of 100.</summary>
    public Task<IReadOnlyList<ReleaseInfo>> ReleasesAsync(string owner, string repo, CancellationToken ct) =>
        ReleasesAsync(owner, repo, maxPages: 3, ct);

    /// <summary>Published releases from the first <paramref name="maxPages"/> pages of 100; drafts are left out.</summary>
    public async Task<IReadOnlyList<ReleaseInfo>> ReleasesAsync(
        string owner,
        string repo,
        int maxPages,
        CancellationToken ct
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var options = new ApiOptions
        {
            PageSize = PageSize,
            PageCount = maxPages,
            StartPage = 1,
        };
        var releases = await GitHubCall
            .RunAsync(
                () => client.Repository.Release.GetAll(owner, repo, options),
                $"listing the releases of {owner}/{repo}",
                ct
            )
            .ConfigureAwait(false);
        return releases.Where(r => !r.Draft).Select(ToInfo).ToList();
    }

    private static ReleaseInfo ToInfo(Release release) =>
        new(
            release.TagName,
            ReleaseInfo.ParseVersion(release.TagName),
            release.PublishedAt,
            release.HtmlUrl,
            release.Prerelease
        );
}
