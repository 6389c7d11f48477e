using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>The fake's REST routes, with GitHub's behaviour where the code under test depends on it.</summary>
internal static class GitHubApiRoutes
{
    private const string Repo = "/repos/{owner}/{repo}";

    /// <summary>GitHub refuses a comment body longer than this many characters (422).</summary>
    public const int MaxCommentLength = 65_536;

    public static void Map(WebApplication app, GitHubApiServer server)
    {
        Route(
            app.MapGet(
                Repo + "/pulls",
                (HttpContext c, string owner, string repo) =>
                    ListPullRequests(c, server, server.Repository(owner, repo))
            ),
            GitHubEndpoint.ListPullRequests
        );
        Route(
            app.MapPost(
                Repo + "/pulls",
                async (HttpContext c, string owner, string repo) =>
                    CreatePullRequest(server, server.Repository(owner, repo), await BodyAsync(c))
            ),
            GitHubEndpoint.CreatePullRequest
        );
        Route(
            app.MapGet(
                Repo + "/pulls/{number:long}",
                (string owner, string repo, long number) =>
                    GetPullRequest(server, server.Repository(owner, repo), number)
            ),
            GitHubEndpoint.GetPullRequest
        );
        Route(
            app.MapMethods(
                Repo + "/pulls/{number:long}",
                ["PATCH"],
                async (HttpContext c, string owner, string repo, long number) =>
                    UpdatePullRequest(server, server.Repository(owner, repo), number, await BodyAsync(c))
            ),
            GitHubEndpoint.UpdatePullRequest
        );
        Route(
            app.MapPost(
                Repo + "/issues/{number:long}/labels",
                async (HttpContext c, string owner, string repo, long number) =>
                    AddIssueLabels(server, server.Repository(owner, repo), number, await BodyAsync(c))
            ),
            GitHubEndpoint.AddIssueLabels
        );
        Route(
            app.MapGet(
                Repo + "/issues/{number:long}/comments",
                (HttpContext c, string owner, string repo, long number) =>
                    ListIssueComments(c, server, server.Repository(owner, repo), number)
            ),
            GitHubEndpoint.ListIssueComments
        );
        Route(
            app.MapPost(
                Repo + "/issues/{number:long}/comments",
                async (HttpContext c, string owner, string repo, long number) =>
                    CreateIssueComment(server, server.Repository(owner, repo), number, await BodyAsync(c))
            ),
            GitHubEndpoint.CreateIssueComment
        );
        Route(
            app.MapMethods(
                Repo + "/issues/comments/{id:long}",
                ["PATCH"],
                async (HttpContext c, string owner, string repo, long id) =>
                    UpdateIssueComment(server, server.Repository(owner, repo), id, await BodyAsync(c))
            ),
            GitHubEndpoint.UpdateIssueComment
        );
        Route(
            app.MapGet(
                Repo + "/labels",
                (HttpContext c, string owner, string repo) => ListLabels(c, server, server.Repository(owner, repo))
            ),
            GitHubEndpoint.ListLabels
        );
        Route(
            app.MapPost(
                Repo + "/labels",
                async (HttpContext c, string owner, string repo) =>
                    CreateLabel(server, server.Repository(owner, repo), await BodyAsync(c))
            ),
            GitHubEndpoint.CreateLabel
        );
        Route(
            app.MapPost(
                Repo + "/statuses/{sha}",
                async (HttpContext c, string owner, string repo, string sha) =>
                    CreateStatus(server, server.Repository(owner, repo), sha, await BodyAsync(c))
            ),
            GitHubEndpoint.CreateStatus
        );
        Route(
            app.MapGet(
                Repo + "/commits/{sha}/statuses",
                (HttpContext c, string owner, string repo, string sha) =>
                    ListStatuses(c, server, server.Repository(owner, repo), sha)
            ),
            GitHubEndpoint.ListStatuses
        );
        Route(
            app.MapGet(
                Repo + "/releases/latest",
                (string owner, string repo) => LatestRelease(server, server.Repository(owner, repo))
            ),
            GitHubEndpoint.LatestRelease
        );
        Route(
            app.MapGet(
                Repo + "/releases",
                (HttpContext c, string owner, string repo) => ListReleases(c, server, server.Repository(owner, repo))
            ),
            GitHubEndpoint.ListReleases
        );
        Route(
            app.MapGet(
                Repo + "/releases/tags/{**tag}",
                (string owner, string repo, string tag) => ReleaseByTag(server, server.Repository(owner, repo), tag)
            ),
            GitHubEndpoint.ReleaseByTag
        );
        Route(
            app.MapPost(
                Repo + "/actions/workflows/{workflow}/dispatches",
                async (HttpContext c, string owner, string repo, string workflow) =>
                    Dispatch(server.Repository(owner, repo), workflow, await BodyAsync(c))
            ),
            GitHubEndpoint.DispatchWorkflow
        );
        Route(
            app.MapGet(
                Repo + "/actions/workflows/{workflow}/runs",
                (string owner, string repo, string workflow) =>
                    ListRuns(server, server.Repository(owner, repo), workflow)
            ),
            GitHubEndpoint.ListWorkflowRuns
        );
        Route(
            app.MapGet(
                Repo + "/git/{kind}/heads/{**branch}",
                (string owner, string repo, string kind, string branch) =>
                    kind is "ref" or "refs"
                        ? BranchRef(server, server.Repository(owner, repo), branch)
                        : Fault(GitHubFault.NotFound())
            ),
            GitHubEndpoint.GetBranchRef
        );
    }

    private static void Route(RouteHandlerBuilder builder, GitHubEndpoint endpoint) =>
        builder.WithName(endpoint.ToString());

    private static IResult ListPullRequests(HttpContext context, GitHubApiServer server, FakeRepository repository)
    {
        var query = context.Request.Query;
        var state = query["state"].FirstOrDefault() ?? "open";
        var pulls = repository.PullRequests.Where(p => state == "all" || p.State == state);

        // Like GitHub: a head filter without "owner:" is ignored, not applied.
        if (query["head"].FirstOrDefault() is { } head && head.Split(':', 2) is [var headOwner, var headRef])
        {
            pulls = pulls.Where(p =>
                p.HeadOwner.Equals(headOwner, StringComparison.OrdinalIgnoreCase) && p.Head == headRef
            );
        }

        if (query["base"].FirstOrDefault() is { } baseRef)
        {
            pulls = pulls.Where(p => p.Base == baseRef);
        }

        return Paged(
            context,
            [.. pulls.OrderByDescending(p => p.Number)],
            p => GitHubJson.PullRequest(repository, p, server.ApiBase)
        );
    }

    private static IResult CreatePullRequest(GitHubApiServer server, FakeRepository repository, JsonNode? body)
    {
        var title = Text(body, "title");
        var headSpec = Text(body, "head");
        var baseRef = Text(body, "base");
        if (title is null || headSpec is null || baseRef is null)
        {
            return Fault(
                GitHubFault.ValidationFailed(
                    "PullRequest",
                    "missing_field",
                    field: title is null ? "title"
                        : headSpec is null ? "head"
                        : "base"
                )
            );
        }

        var (headOwner, head) = headSpec.Split(':', 2) is [var o, var h] ? (o, h) : (repository.Owner, headSpec);
        return repository.Locked(() =>
        {
            if (
                repository.PullRequests.Any(p =>
                    p.State == "open"
                    && p.Head == head
                    && p.Base == baseRef
                    && p.HeadOwner.Equals(headOwner, StringComparison.OrdinalIgnoreCase)
                )
            )
            {
                return Fault(
                    GitHubFault.ValidationFailed(
                        "PullRequest",
                        "custom",
                        $"A pull request already exists for {headOwner}:{head}."
                    )
                );
            }

            var created = repository.AddPullRequest(
                head,
                baseRef,
                title,
                Text(body, "body") ?? string.Empty,
                headOwner
            );
            created.Draft = body?["draft"]?.GetValue<bool>() ?? false;
            return Json(201, GitHubJson.PullRequest(repository, created, server.ApiBase));
        });
    }

    private static IResult GetPullRequest(GitHubApiServer server, FakeRepository repository, long number) =>
        repository.PullRequest(number) is { } pr
            ? Json(200, GitHubJson.PullRequest(repository, pr, server.ApiBase))
            : Fault(GitHubFault.NotFound());

    private static IResult UpdatePullRequest(
        GitHubApiServer server,
        FakeRepository repository,
        long number,
        JsonNode? body
    ) =>
        repository.Locked(() =>
        {
            if (repository.PullRequest(number) is not { } pr)
            {
                return Fault(GitHubFault.NotFound());
            }

            pr.Title = Text(body, "title") ?? pr.Title;
            pr.Body = Text(body, "body") ?? pr.Body;
            pr.Base = Text(body, "base") ?? pr.Base;
            pr.State = Text(body, "state") ?? pr.State;
            pr.UpdatedAt = DateTimeOffset.UtcNow;
            return Json(200, GitHubJson.PullRequest(repository, pr, server.ApiBase));
        });

    private static IResult AddIssueLabels(
        GitHubApiServer server,
        FakeRepository repository,
        long number,
        JsonNode? body
    ) =>
        repository.Locked(() =>
        {
            if (repository.PullRequest(number) is not { } pr)
            {
                return Fault(GitHubFault.NotFound());
            }

            var names = (body as JsonArray ?? body?["labels"] as JsonArray)
                ?.Select(n => n?.GetValue<string>())
                .OfType<string>()
                .ToList();
            if (names is null || names.Count == 0)
            {
                return Fault(GitHubFault.ValidationFailed("Label", "missing_field", field: "labels"));
            }

            foreach (var name in names.Where(n => !pr.Labels.Contains(n, StringComparer.OrdinalIgnoreCase)))
            {
                repository.AddLabel(name);
                pr.Labels.Add(name);
            }

            return Json(200, pr.Labels.Select(l => GitHubJson.Label(repository, l, server.ApiBase)).ToArray());
        });

    private static IResult ListIssueComments(
        HttpContext context,
        GitHubApiServer server,
        FakeRepository repository,
        long number
    ) =>
        repository.PullRequest(number) is null
            ? Fault(GitHubFault.NotFound())
            : Paged(
                context,
                repository.CommentsOn(number),
                c => GitHubJson.IssueComment(repository, c, server.ApiBase)
            );

    private static IResult CreateIssueComment(
        GitHubApiServer server,
        FakeRepository repository,
        long number,
        JsonNode? body
    )
    {
        if (repository.PullRequest(number) is null)
        {
            return Fault(GitHubFault.NotFound());
        }

        if (CommentBodyFault(Text(body, "body")) is { } fault)
        {
            return Fault(fault);
        }

        var comment = repository.AddComment(
            number,
            Text(body, "body")!,
            server.Token is null ? "anonymous" : "gitops-bot"
        );
        return Json(201, GitHubJson.IssueComment(repository, comment, server.ApiBase));
    }

    private static IResult UpdateIssueComment(
        GitHubApiServer server,
        FakeRepository repository,
        long id,
        JsonNode? body
    ) =>
        repository.Locked(() =>
        {
            if (repository.Comment(id) is not { } comment)
            {
                return Fault(GitHubFault.NotFound());
            }

            if (CommentBodyFault(Text(body, "body")) is { } fault)
            {
                return Fault(fault);
            }

            comment.Body = Text(body, "body")!;
            comment.UpdatedAt = DateTimeOffset.UtcNow;
            return Json(200, GitHubJson.IssueComment(repository, comment, server.ApiBase));
        });

    /// <summary>GitHub's 422 for a missing body or one over <see cref="MaxCommentLength"/> characters.</summary>
    private static GitHubFault? CommentBodyFault(string? text) =>
        text is null ? GitHubFault.ValidationFailed("IssueComment", "missing_field", field: "body")
        : text.Length > MaxCommentLength
            ? GitHubFault.ValidationFailed(
                "IssueComment",
                "unprocessable",
                $"Body is too long (maximum is {MaxCommentLength} characters)",
                "data"
            )
        : null;

    private static IResult ListLabels(HttpContext context, GitHubApiServer server, FakeRepository repository) =>
        Paged(context, repository.Labels, l => GitHubJson.Label(repository, l, server.ApiBase));

    private static IResult CreateLabel(GitHubApiServer server, FakeRepository repository, JsonNode? body)
    {
        if (Text(body, "name") is not { } name)
        {
            return Fault(GitHubFault.ValidationFailed("Label", "missing_field", field: "name"));
        }

        return repository.AddLabel(name)
            ? Json(201, GitHubJson.Label(repository, name, server.ApiBase))
            : Fault(GitHubFault.ValidationFailed("Label", "already_exists", field: "name"));
    }

    private static IResult CreateStatus(GitHubApiServer server, FakeRepository repository, string sha, JsonNode? body)
    {
        var state = Text(body, "state");
        if (state is not ("pending" or "success" or "failure" or "error"))
        {
            return Fault(GitHubFault.ValidationFailed("Status", "invalid", field: "state"));
        }

        var status = repository.AddStatus(
            sha,
            state,
            Text(body, "context"),
            Text(body, "description"),
            Text(body, "target_url")
        );
        return Json(201, GitHubJson.Status(repository, status, server.ApiBase));
    }

    private static IResult ListStatuses(
        HttpContext context,
        GitHubApiServer server,
        FakeRepository repository,
        string sha
    ) =>
        Paged(
            context,
            [.. repository.Statuses.Where(s => s.Sha == sha).Reverse()],
            s => GitHubJson.Status(repository, s, server.ApiBase)
        );

    private static IResult LatestRelease(GitHubApiServer server, FakeRepository repository) =>
        repository.Releases.Where(r => !r.Draft && !r.Prerelease).OrderByDescending(r => r.PublishedAt).FirstOrDefault()
            is { } latest
            ? Json(200, GitHubJson.Release(repository, latest, server.ApiBase))
            : Fault(GitHubFault.NotFound());

    private static IResult ListReleases(HttpContext context, GitHubApiServer server, FakeRepository repository) =>
        Paged(
            context,
            [.. repository.Releases.OrderByDescending(r => r.PublishedAt)],
            r => GitHubJson.Release(repository, r, server.ApiBase)
        );

    private static IResult ReleaseByTag(GitHubApiServer server, FakeRepository repository, string tag) =>
        repository.Releases.FirstOrDefault(r => r.TagName == Uri.UnescapeDataString(tag)) is { } release
            ? Json(200, GitHubJson.Release(repository, release, server.ApiBase))
            : Fault(GitHubFault.NotFound());

    private static IResult BranchRef(GitHubApiServer server, FakeRepository repository, string branch) =>
        repository.BranchSha(Uri.UnescapeDataString(branch)) is { } sha
            ? Json(200, GitHubJson.Reference(repository, branch, sha, server.ApiBase))
            : Fault(GitHubFault.NotFound());

    /// <summary>GitHub paging: <c>per_page</c> (default 30, max 100), <c>page</c> from 1, and a <c>Link</c> header with next/last.</summary>
    private static IResult Dispatch(FakeRepository repository, string workflow, JsonNode? body)
    {
        if (Text(body, "ref") is not { } gitRef)
        {
            return Fault(GitHubFault.ValidationFailed("Workflow", "missing_field", field: "ref"));
        }

        var inputs = body?["inputs"] is JsonObject given
            ? given.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "")
            : [];
        repository.Dispatch(workflow, gitRef, inputs);
        return Results.StatusCode(204);
    }

    private static IResult ListRuns(GitHubApiServer server, FakeRepository repository, string workflow)
    {
        var runs = repository.AdvanceRuns(workflow);
        return Json(
            200,
            new
            {
                total_count = runs.Count,
                workflow_runs = runs.Select(r => GitHubJson.WorkflowRun(repository, r, server.ApiBase)).ToArray(),
            }
        );
    }

    private static IResult Paged<T>(HttpContext context, IReadOnlyList<T> items, Func<T, object> shape)
    {
        var perPage = Math.Clamp(Number(context, "per_page") ?? 30, 1, 100);
        var page = Math.Max(Number(context, "page") ?? 1, 1);
        var lastPage = Math.Max(1, (items.Count + perPage - 1) / perPage);
        if (page < lastPage)
        {
            context.Response.Headers.Link =
                $"<{PageUrl(context, page + 1)}>; rel=\"next\", <{PageUrl(context, lastPage)}>; rel=\"last\"";
        }

        return Json(200, items.Skip((page - 1) * perPage).Take(perPage).Select(shape).ToArray());
    }

    private static string PageUrl(HttpContext context, int page)
    {
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value);
        query["page"] = new StringValues(page.ToString(CultureInfo.InvariantCulture));
        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.Path}{QueryString.Create(query)}";
    }

    private static int? Number(HttpContext context, string name) =>
        int.TryParse(
            context.Request.Query[name].FirstOrDefault(),
            NumberStyles.Integer,
            CultureInfo.InvariantCulture,
            out var value
        )
            ? value
            : null;

    private static async Task<JsonNode?> BodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private static string? Text(JsonNode? body, string name) =>
        body is JsonObject && body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IResult Json(int status, object value) =>
        Results.Content(GitHubJson.Serialize(value), "application/json; charset=utf-8", null, status);

    private static IResult Fault(GitHubFault fault) =>
        Results.Content(fault.Body, "application/json; charset=utf-8", null, fault.Status);
}
