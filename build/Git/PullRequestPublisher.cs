using GitOpsRunners.Engine;
using Octokit;

namespace GitOpsRunners.Git;

/// <summary>
/// Keeps exactly one open pull request per head branch. It finds the open pull request for
/// <c>owner:branch</c> and updates it, or creates one. Two runs racing to create are settled by GitHub's
/// 422 "already exists", after which it looks the pull request up again and updates that one.
/// Labels are added with the issue-labels endpoint, which creates labels the repository lacks.
/// A label failure (403, 404 or 422) is a warning in the result, not a failure: the pull request is the product.
/// </summary>
public sealed class PullRequestPublisher(IGitHubClient client)
{
    public async Task<PullRequestResult> PublishAsync(PullRequestSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (owner, name) = (spec.Repository.Owner, spec.Repository.Name);
        var existing = await FindOpenAsync(spec, ct).ConfigureAwait(false);
        PullRequest pullRequest;
        PullRequestOutcome outcome;
        if (existing is null)
        {
            try
            {
                pullRequest = await client
                    .PullRequest.Create(
                        owner,
                        name,
                        new NewPullRequest(spec.Title, spec.Head, spec.Base) { Body = spec.Body, Draft = spec.Draft }
                    )
                    .WaitAsync(ct)
                    .ConfigureAwait(false);
                outcome = PullRequestOutcome.Created;
            }
            catch (ApiValidationException ex) when (AlreadyExists(ex))
            {
                existing =
                    await FindOpenAsync(spec, ct).ConfigureAwait(false)
                    ?? throw new BuildException(
                        $"GitHub says a pull request for {Head(spec)} already exists, but none is open for it. Close or reopen it by hand, then run the target again.",
                        ExitCodes.TargetFailed,
                        ex
                    );
                (pullRequest, outcome) = await UpdateAsync(spec, existing, ct).ConfigureAwait(false);
            }
            catch (ApiException ex)
            {
                throw GitHubCall.Describe(
                    ex,
                    $"opening a pull request from {Head(spec)} into {spec.Base} in {spec.Repository}"
                );
            }
        }
        else
        {
            (pullRequest, outcome) = await UpdateAsync(spec, existing, ct).ConfigureAwait(false);
        }

        var warnings = new List<string>();
        if (
            await AddMissingLabelsAsync(spec, pullRequest, warnings, ct).ConfigureAwait(false)
            && outcome == PullRequestOutcome.Unchanged
        )
        {
            outcome = PullRequestOutcome.Updated;
        }

        return new PullRequestResult(pullRequest.Number, pullRequest.HtmlUrl, outcome, warnings);
    }

    /// <summary>The open pull request whose head is <c>owner:branch</c>, or null.</summary>
    public async Task<PullRequest?> FindOpenAsync(PullRequestSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var request = new PullRequestRequest { State = ItemStateFilter.Open, Head = Head(spec) };
        var open = await GitHubCall
            .RunAsync(
                () => client.PullRequest.GetAllForRepository(spec.Repository.Owner, spec.Repository.Name, request),
                $"looking for the open pull request from {Head(spec)} in {spec.Repository}",
                ct
            )
            .ConfigureAwait(false);

        // GitHub ignores a head filter it cannot parse and returns every open pull request, so check the head here.
        return open.Where(p => p.Head?.Ref == spec.Head)
            .Where(p =>
                p.Head?.User?.Login is null
                || p.Head.User.Login.Equals(spec.Repository.Owner, StringComparison.OrdinalIgnoreCase)
            )
            .OrderBy(p => p.Number)
            .FirstOrDefault();
    }

    private async Task<(PullRequest, PullRequestOutcome)> UpdateAsync(
        PullRequestSpec spec,
        PullRequest existing,
        CancellationToken ct
    )
    {
        var update = new PullRequestUpdate();
        var changed = false;
        if (existing.Title != spec.Title)
        {
            update.Title = spec.Title;
            changed = true;
        }

        if (Normalize(existing.Body) != Normalize(spec.Body))
        {
            update.Body = spec.Body;
            changed = true;
        }

        if (existing.Base?.Ref is { } currentBase && currentBase != spec.Base)
        {
            update.Base = spec.Base;
            changed = true;
        }

        if (!changed)
        {
            return (existing, PullRequestOutcome.Unchanged);
        }

        var updated = await GitHubCall
            .RunAsync(
                () => client.PullRequest.Update(spec.Repository.Owner, spec.Repository.Name, existing.Number, update),
                $"updating pull request #{existing.Number} in {spec.Repository}",
                ct
            )
            .ConfigureAwait(false);
        return (updated, PullRequestOutcome.Updated);
    }

    private async Task<bool> AddMissingLabelsAsync(
        PullRequestSpec spec,
        PullRequest pullRequest,
        List<string> warnings,
        CancellationToken ct
    )
    {
        var present = (pullRequest.Labels ?? []).Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = spec
            .Labels.Where(l => !string.IsNullOrWhiteSpace(l) && !present.Contains(l))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        if (missing.Length == 0)
        {
            return false;
        }

        try
        {
            await client
                .Issue.Labels.AddToIssue(spec.Repository.Owner, spec.Repository.Name, pullRequest.Number, missing)
                .WaitAsync(ct)
                .ConfigureAwait(false);
            return true;
        }
        catch (ApiException ex)
            when (ex is NotFoundException or ApiValidationException
                || (ex is ForbiddenException && ex is not RateLimitExceededException)
            )
        {
            warnings.Add(
                $"Could not add labels {string.Join(", ", missing)} to pull request #{pullRequest.Number}: GitHub answered {(int)ex.StatusCode} ({GitHubCall.GitHubMessage(ex)}). The pull request is up to date; add the labels by hand or give the token issues: write."
            );
            return false;
        }
        catch (ApiException ex)
        {
            throw GitHubCall.Describe(ex, $"adding labels to pull request #{pullRequest.Number} in {spec.Repository}");
        }
    }

    private static bool AlreadyExists(ApiValidationException ex) =>
        GitHubCall.GitHubMessage(ex).Contains("already exists", StringComparison.OrdinalIgnoreCase);

    private static string Head(PullRequestSpec spec) => $"{spec.Repository.Owner}:{spec.Head}";

    private static string Normalize(string? body) =>
        (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
