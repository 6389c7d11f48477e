using System.Collections.Concurrent;
using GitOpsRunners.Git;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Octokit;

namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>
/// A loopback fake of the GitHub REST API on Kestrel at 127.0.0.1:&lt;free port&gt;. It serves the
/// pull request, label, status, release and ref endpoints Octokit calls, in GitHub's JSON shapes,
/// records every request, demands <c>Authorization: token &lt;Token&gt;</c> (401 "Bad credentials"
/// otherwise), and returns a switchable <see cref="GitHubFault"/> per endpoint.
/// </summary>
public sealed class GitHubApiServer : IAsyncDisposable
{
    public const string DefaultToken = "ghs_fake_test_token";

    private readonly ConcurrentDictionary<string, FakeRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Lock _faultGate = new();
    private readonly List<(GitHubEndpoint Endpoint, GitHubFault Fault, int Remaining)> _faults = [];
    private LoopbackServer _server = null!;
    private long _nextId = 100;

    private GitHubApiServer(string? token) => Token = token;

    /// <summary>Base address with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>; routes hang off it as on api.github.com.</summary>
    public Uri BaseAddress => _server.BaseUri;

    /// <summary>The token requests must carry; null accepts anonymous requests.</summary>
    public string? Token { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<GitHubApiServer> StartAsync(string? token = DefaultToken)
    {
        var server = new GitHubApiServer(token);
        server._server = await LoopbackServer
            .StartAsync(app =>
            {
                app.UseRouting();
                app.Use(server.InterceptAsync);
                GitHubApiRoutes.Map(app, server);
            })
            .ConfigureAwait(false);
        return server;
    }

    /// <summary>An Octokit client made by the product's factory, pointed at this server.</summary>
    public IGitHubClient CreateClient(string? token = null) => GitHubClientFactory.Create(token ?? Token, BaseAddress);

    /// <summary>The state of <c>owner/name</c>, created empty on first use.</summary>
    public FakeRepository Repository(string owner, string name) =>
        _repositories.GetOrAdd(
            $"{owner}/{name}",
            _ => new FakeRepository(owner, name, () => Interlocked.Increment(ref _nextId))
        );

    /// <summary>Makes the next <paramref name="times"/> calls to <paramref name="endpoint"/> answer with <paramref name="fault"/> (int.MaxValue: always).</summary>
    public void Fail(GitHubEndpoint endpoint, GitHubFault fault, int times = 1)
    {
        lock (_faultGate)
        {
            _faults.Add((endpoint, fault, times));
        }
    }

    public void ClearFaults()
    {
        lock (_faultGate)
        {
            _faults.Clear();
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(GitHubEndpoint endpoint) =>
        [.. _requests.Where(r => r.Endpoint == endpoint)];

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    internal string ApiBase => BaseAddress.AbsoluteUri;

    private async Task InterceptAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        context.Request.Body.Position = 0;
        var endpoint = Enum.TryParse<GitHubEndpoint>(
            context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
            out var parsed
        )
            ? parsed
            : (GitHubEndpoint?)null;
        string? authorization =
            context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
        _requests.Enqueue(
            new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty,
                body,
                authorization,
                endpoint
            )
        );

        if (Token is not null && !Authorized(authorization))
        {
            await WriteAsync(context, GitHubFault.BadCredentials()).ConfigureAwait(false);
            return;
        }

        if (endpoint is { } known && TakeFault(known) is { } fault)
        {
            await WriteAsync(context, fault).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private bool Authorized(string? authorization)
    {
        if (authorization is null)
        {
            return false;
        }

        var parts = authorization.Split(' ', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && (
                parts[0].Equals("token", StringComparison.OrdinalIgnoreCase)
                || parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase)
            )
            && parts[1] == Token;
    }

    private GitHubFault? TakeFault(GitHubEndpoint endpoint)
    {
        lock (_faultGate)
        {
            var index = _faults.FindIndex(f => f.Endpoint == endpoint);
            if (index < 0)
            {
                return null;
            }

            var (_, fault, remaining) = _faults[index];
            if (remaining == int.MaxValue)
            {
                return fault;
            }

            if (remaining <= 1)
            {
                _faults.RemoveAt(index);
            }
            else
            {
                _faults[index] = (endpoint, fault, remaining - 1);
            }

            return fault;
        }
    }

    private static async Task WriteAsync(HttpContext context, GitHubFault fault)
    {
        context.Response.StatusCode = fault.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(fault.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
