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

    /// <summary>Every route the fake serves; a request to a path not listed here is a 404 as on GitHub.</summary>
    private static readonly GitHubRoute[] Routes =
    [
        new("GET", "/pulls", GitHubEndpoint.ListPullRequests, ListPullRequests),
        new("POST", "/pulls", GitHubEndpoint.CreatePullRequest, CreatePullRequest),
        new("GET", "/pulls/{number:long}", GitHubEndpoint.GetPullRequest, GetPullRequest),
        new("PATCH", "/pulls/{number:long}", GitHubEndpoint.UpdatePullRequest, UpdatePullRequest),
        new("POST", "/issues/{number:long}/labels", GitHubEndpoint.AddIssueLabels, AddIssueLabels),
        new("GET", "/issues/{number:long}/comments", GitHubEndpoint.ListIssueComments, ListIssueComments),
        new("POST", "/issues/{number:long}/comments", GitHubEndpoint.CreateIssueComment, CreateIssueComment),
        new("PATCH", "/issues/comments/{id:long}", GitHubEndpoint.UpdateIssueComment, UpdateIssueComment),
        new("GET", "/labels", GitHubEndpoint.ListLabels, ListLabels),
        new("POST", "/labels", GitHubEndpoint.CreateLabel, CreateLabel),
        new("POST", "/statuses/{sha}", GitHubEndpoint.CreateStatus, CreateStatus),
        new("GET", "/commits/{sha}/statuses", GitHubEndpoint.ListStatuses, ListStatuses),
        new("GET", "/releases/latest", GitHubEndpoint.LatestRelease, LatestRelease),
        new("GET", "/releases", GitHubEndpoint.ListReleases, ListReleases),
        new("GET", "/releases/tags/{**tag}", GitHubEndpoint.ReleaseByTag, ReleaseByTag),
        new("POST", "/actions/workflows/{workflow}/dispatches", GitHubEndpoint.DispatchWorkflow, Dispatch),
        new("GET", "/actions/workflows/{workflow}/runs", GitHubEndpoint.ListWorkflowRuns, ListRuns),
        new("GET", "/git/{kind}/heads/{**branch}", GitHubEndpoint.GetBranchRef, BranchRef),
    ];

    public static void Map(WebApplication app, GitHubApiServer server)
    {
        foreach (var route in Routes)
        {
            app.MapMethods(
                    Repo + route.Path,
                    [route.Method],
                    async (HttpContext c, string owner, string repo) =>
                        route.Handle(
                            new GitHubCall(
                                c,
                                server,
                                server.Repository(owner, repo),
                                route.Method == "GET" ? null : await BodyAsync(c)
                            )
                        )
                )
                .WithName(route.Endpoint.ToString());
        }
    }

    private static IResult ListPullRequests(GitHubCall call)
    {
        var query = call.Context.Request.Query;
        var state = query["state"].FirstOrDefault() ?? "open";
        var pulls = call.Repository.PullRequests.Where(p => state == "all" || p.State == state);

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
            call.Context,
            [.. pulls.OrderByDescending(p => p.Number)],
            p => GitHubJson.PullRequest(call.Repository, p, call.ApiBase)
        );
    }

    private static IResult CreatePullRequest(GitHubCall call)
    {
        var repository = call.Repository;
        var title = call.Text("title");
        var headSpec = call.Text("head");
        var baseRef = call.Text("base");
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

            var created = repository.AddPullRequest(head, baseRef, title, call.Text("body") ?? string.Empty, headOwner);
            created.Draft = call.Body?["draft"]?.GetValue<bool>() ?? false;
            return Json(201, GitHubJson.PullRequest(repository, created, call.ApiBase));
        });
    }

    private static IResult GetPullRequest(GitHubCall call) =>
        call.Repository.PullRequest(call.Number("number")) is { } pr
            ? Json(200, GitHubJson.PullRequest(call.Repository, pr, call.ApiBase))
            : Fault(GitHubFault.NotFound());

    private static IResult UpdatePullRequest(GitHubCall call) =>
        call.Repository.Locked(() =>
        {
            if (call.Repository.PullRequest(call.Number("number")) is not { } pr)
            {
                return Fault(GitHubFault.NotFound());
            }

            pr.Title = call.Text("title") ?? pr.Title;
            pr.Body = call.Text("body") ?? pr.Body;
            pr.Base = call.Text("base") ?? pr.Base;
            pr.State = call.Text("state") ?? pr.State;
            pr.UpdatedAt = DateTimeOffset.UtcNow;
            return Json(200, GitHubJson.PullRequest(call.Repository, pr, call.ApiBase));
        });

    private static IResult AddIssueLabels(GitHubCall call) =>
        call.Repository.Locked(() =>
        {
            if (call.Repository.PullRequest(call.Number("number")) is not { } pr)
            {
                return Fault(GitHubFault.NotFound());
            }

            var names = (call.Body as JsonArray ?? call.Body?["labels"] as JsonArray)
                ?.Select(n => n?.GetValue<string>())
                .OfType<string>()
                .ToList();
            if (names is null || names.Count == 0)
            {
                return Fault(GitHubFault.ValidationFailed("Label", "missing_field", field: "labels"));
            }

            foreach (var name in names.Where(n => !pr.Labels.Contains(n, StringComparer.OrdinalIgnoreCase)))
            {
                call.Repository.AddLabel(name);
                pr.Labels.Add(name);
            }

            return Json(200, pr.Labels.Select(l => GitHubJson.Label(call.Repository, l, call.ApiBase)).ToArray());
        });

    private static IResult ListIssueComments(GitHubCall call) =>
        call.Repository.PullRequest(call.Number("number")) is null
            ? Fault(GitHubFault.NotFound())
            : Paged(
                call.Context,
                call.Repository.CommentsOn(call.Number("number")),
                c => GitHubJson.IssueComment(call.Repository, c, call.ApiBase)
            );

    private static IResult CreateIssueComment(GitHubCall call)
    {
        var number = call.Number("number");
        if (call.Repository.PullRequest(number) is null)
        {
            return Fault(GitHubFault.NotFound());
        }

        if (CommentBodyFault(call.Text("body")) is { } fault)
        {
            return Fault(fault);
        }

        var comment = call.Repository.AddComment(
            number,
            call.Text("body")!,
            call.Server.Token is null ? "anonymous" : "gitops-bot"
        );
        return Json(201, GitHubJson.IssueComment(call.Repository, comment, call.ApiBase));
    }

    private static IResult UpdateIssueComment(GitHubCall call) =>
        call.Repository.Locked(() =>
        {
            if (call.Repository.Comment(call.Number("id")) is not { } comment)
            {
                return Fault(GitHubFault.NotFound());
            }

            if (CommentBodyFault(call.Text("body")) is { } fault)
            {
                return Fault(fault);
            }

            comment.Body = call.Text("body")!;
            comment.UpdatedAt = DateTimeOffset.UtcNow;
            return Json(200, GitHubJson.IssueComment(call.Repository, comment, call.ApiBase));
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

    private static IResult ListLabels(GitHubCall call) =>
        Paged(call.Context, call.Repository.Labels, l => GitHubJson.Label(call.Repository, l, call.ApiBase));

    private static IResult CreateLabel(GitHubCall call)
    {
        if (call.Text("name") is not { } name)
        {
            return Fault(GitHubFault.ValidationFailed("Label", "missing_field", field: "name"));
        }

        return call.Repository.AddLabel(name)
            ? Json(201, GitHubJson.Label(call.Repository, name, call.ApiBase))
            : Fault(GitHubFault.ValidationFailed("Label", "already_exists", field: "name"));
    }

    private static IResult CreateStatus(GitHubCall call)
    {
        var state = call.Text("state");
        if (state is not ("pending" or "success" or "failure" or "error"))
        {
            return Fault(GitHubFault.ValidationFailed("Status", "invalid", field: "state"));
        }

        var status = call.Repository.AddStatus(
            call.Segment("sha"),
            state,
            call.Text("context"),
            call.Text("description"),
            call.Text("target_url")
        );
        return Json(201, GitHubJson.Status(call.Repository, status, call.ApiBase));
    }

    private static IResult ListStatuses(GitHubCall call) =>
        Paged(
            call.Context,
            [.. call.Repository.Statuses.Where(s => s.Sha == call.Segment("sha")).Reverse()],
            s => GitHubJson.Status(call.Repository, s, call.ApiBase)
        );

    private static IResult LatestRelease(GitHubCall call) =>
        call
            .Repository.Releases.Where(r => !r.Draft && !r.Prerelease)
            .OrderByDescending(r => r.PublishedAt)
            .FirstOrDefault()
            is { } latest
            ? Json(200, GitHubJson.Release(call.Repository, latest, call.ApiBase))
            : Fault(GitHubFault.NotFound());

    private static IResult ListReleases(GitHubCall call) =>
        Paged(
            call.Context,
            [.. call.Repository.Releases.OrderByDescending(r => r.PublishedAt)],
            r => GitHubJson.Release(call.Repository, r, call.ApiBase)
        );

    private static IResult ReleaseByTag(GitHubCall call) =>
        call.Repository.Releases.FirstOrDefault(r => r.TagName == Uri.UnescapeDataString(call.Segment("tag")))
            is { } release
            ? Json(200, GitHubJson.Release(call.Repository, release, call.ApiBase))
            : Fault(GitHubFault.NotFound());

    /// <summary>GitHub answers both <c>git/ref/heads/…</c> and <c>git/refs/heads/…</c>; any other kind is a 404.</summary>
    private static IResult BranchRef(GitHubCall call)
    {
        var branch = call.Segment("branch");
        return
            call.Segment("kind") is "ref" or "refs"
            && call.Repository.BranchSha(Uri.UnescapeDataString(branch)) is { } sha
            ? Json(200, GitHubJson.Reference(call.Repository, branch, sha, call.ApiBase))
            : Fault(GitHubFault.NotFound());
    }

    private static IResult Dispatch(GitHubCall call)
    {
        if (call.Text("ref") is not { } gitRef)
        {
            return Fault(GitHubFault.ValidationFailed("Workflow", "missing_field", field: "ref"));
        }

        var inputs = call.Body?["inputs"] is JsonObject given
            ? given.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "")
            : [];
        call.Repository.Dispatch(call.Segment("workflow"), gitRef, inputs);
        return Results.StatusCode(204);
    }

    private static IResult ListRuns(GitHubCall call)
    {
        var runs = call.Repository.AdvanceRuns(call.Segment("workflow"));
        return Json(
            200,
            new
            {
                total_count = runs.Count,
                workflow_runs = runs.Select(r => GitHubJson.WorkflowRun(call.Repository, r, call.ApiBase)).ToArray(),
            }
        );
    }

    /// <summary>GitHub paging: <c>per_page</c> (default 30, max 100), <c>page</c> from 1, and a <c>Link</c> header with next/last.</summary>
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

    private static IResult Json(int status, object value) =>
        Results.Content(GitHubJson.Serialize(value), "application/json; charset=utf-8", null, status);

    private static IResult Fault(GitHubFault fault) =>
        Results.Content(fault.Body, "application/json; charset=utf-8", null, fault.Status);
}
