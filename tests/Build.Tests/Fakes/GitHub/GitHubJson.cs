using System.Text.Json;

namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>GitHub's REST JSON shapes (snake_case), with the fields Octokit's models read.</summary>
public static class GitHubJson
{
    public const string HtmlBase = "https://github.com/";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);

    public static object User(string login) =>
        new
        {
            login,
            id = Math.Abs(StableHash(login)),
            node_id = $"U_{login}",
            type = "User",
            site_admin = false,
            html_url = $"{HtmlBase}{login}",
            url = $"{HtmlBase}api/users/{login}",
        };

    public static object Repository(FakeRepository repository) =>
        new
        {
            id = Math.Abs(StableHash($"{repository.Owner}/{repository.Name}")),
            node_id = $"R_{repository.Name}",
            name = repository.Name,
            full_name = $"{repository.Owner}/{repository.Name}",
            owner = User(repository.Owner),
            @private = false,
            html_url = $"{HtmlBase}{repository.Owner}/{repository.Name}",
            default_branch = repository.DefaultBranch,
        };

    public static object PullRequest(FakeRepository repository, FakePullRequest pr, string apiBase) =>
        new
        {
            url = ApiUrl(apiBase, repository, $"pulls/{pr.Number}"),
            id = 1_000_000 + pr.Number,
            node_id = $"PR_{pr.Number}",
            html_url = HtmlUrl(repository, $"pull/{pr.Number}"),
            number = pr.Number,
            state = pr.State,
            locked = false,
            title = pr.Title,
            body = pr.Body,
            user = User(repository.Owner),
            labels = pr.Labels.Select(l => Label(repository, l, apiBase)).ToArray(),
            draft = pr.Draft,
            merged = false,
            created_at = pr.CreatedAt,
            updated_at = pr.UpdatedAt,
            closed_at = (DateTimeOffset?)null,
            merged_at = (DateTimeOffset?)null,
            head = new
            {
                label = $"{pr.HeadOwner}:{pr.Head}",
                @ref = pr.Head,
                sha = pr.HeadSha,
                user = User(pr.HeadOwner),
                repo = Repository(repository),
            },
            @base = new
            {
                label = $"{repository.Owner}:{pr.Base}",
                @ref = pr.Base,
                sha = new string('b', 40),
                user = User(repository.Owner),
                repo = Repository(repository),
            },
        };

    public static object Label(FakeRepository repository, string name, string apiBase) =>
        new
        {
            id = Math.Abs(StableHash(name)),
            node_id = $"LA_{name}",
            url = ApiUrl(apiBase, repository, $"labels/{Uri.EscapeDataString(name)}"),
            name,
            color = "ededed",
            @default = false,
            description = (string?)null,
        };

    public static object Release(FakeRepository repository, FakeRelease release, string apiBase) =>
        new
        {
            url = ApiUrl(apiBase, repository, $"releases/{release.Id}"),
            html_url = HtmlUrl(repository, $"releases/tag/{release.TagName}"),
            id = release.Id,
            node_id = $"RE_{release.Id}",
            tag_name = release.TagName,
            target_commitish = repository.DefaultBranch,
            name = release.TagName,
            body = string.Empty,
            draft = release.Draft,
            prerelease = release.Prerelease,
            created_at = release.PublishedAt,
            published_at = release.PublishedAt,
            author = User("github-actions"),
            assets = Array.Empty<object>(),
        };

    public static object WorkflowRun(FakeRepository repository, FakeWorkflowRun run, string apiBase) =>
        new
        {
            id = run.Id,
            name = run.Workflow,
            node_id = $"WFR_{run.Id}",
            head_branch = run.Ref,
            head_sha = new string('0', 40),
            path = $".github/workflows/{run.Workflow}",
            run_number = run.Id,
            @event = "workflow_dispatch",
            status = run.Status,
            conclusion = run.Conclusion,
            workflow_id = 1,
            url = ApiUrl(apiBase, repository, $"actions/runs/{run.Id}"),
            html_url = HtmlUrl(repository, $"actions/runs/{run.Id}"),
            created_at = run.CreatedAt,
            updated_at = run.CreatedAt,
            run_started_at = run.CreatedAt,
            run_attempt = 1,
        };

    public static object Status(FakeRepository repository, FakeCommitStatus status, string apiBase) =>
        new
        {
            url = ApiUrl(apiBase, repository, $"statuses/{status.Sha}"),
            id = status.Id,
            node_id = $"SC_{status.Id}",
            state = status.State,
            description = status.Description,
            target_url = status.TargetUrl,
            context = status.Context ?? "default",
            created_at = DateTimeOffset.UtcNow,
            updated_at = DateTimeOffset.UtcNow,
            creator = User(repository.Owner),
        };

    public static object IssueComment(FakeRepository repository, FakeIssueComment comment, string apiBase) =>
        new
        {
            id = comment.Id,
            node_id = $"IC_{comment.Id}",
            url = ApiUrl(apiBase, repository, $"issues/comments/{comment.Id}"),
            html_url = HtmlUrl(repository, $"pull/{comment.IssueNumber}#issuecomment-{comment.Id}"),
            issue_url = ApiUrl(apiBase, repository, $"issues/{comment.IssueNumber}"),
            body = comment.Body,
            user = User(comment.Author),
            created_at = comment.CreatedAt,
            updated_at = comment.UpdatedAt,
            author_association = "MEMBER",
        };

    public static object Reference(FakeRepository repository, string branch, string sha, string apiBase) =>
        new
        {
            @ref = $"refs/heads/{branch}",
            node_id = $"REF_{branch}",
            url = ApiUrl(apiBase, repository, $"git/refs/heads/{branch}"),
            @object = new
            {
                type = "commit",
                sha,
                url = ApiUrl(apiBase, repository, $"git/commits/{sha}"),
            },
        };

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash == int.MinValue ? 1 : hash;
    }

    /// <summary>The REST URL of <paramref name="path"/> in <paramref name="repository"/>, under <paramref name="apiBase"/>.</summary>
    private static string ApiUrl(string apiBase, FakeRepository repository, string path) =>
        $"{apiBase}repos/{repository.Owner}/{repository.Name}/{path}";

    /// <summary>The github.com page of <paramref name="path"/> in <paramref name="repository"/>.</summary>
    private static string HtmlUrl(FakeRepository repository, string path) =>
        $"{HtmlBase}{repository.Owner}/{repository.Name}/{path}";
}
