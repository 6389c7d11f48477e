using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Fakes;

/// <summary>A <see cref="LoopbackServer"/> serving fixed bodies by path; unknown paths answer 404. Records the paths asked for.</summary>
public sealed class FixedResponseServer : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    private FixedResponseServer() { }

    /// <summary><c>http://127.0.0.1:port</c>, without a trailing slash.</summary>
    public string BaseUrl => _server.BaseUri.AbsoluteUri.TrimEnd('/');

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FixedResponseServer> StartAsync(Dictionary<string, (int Status, string Body)> routes)
    {
        var server = new FixedResponseServer();
        server._server = await LoopbackServer
            .StartAsync(async context =>
            {
                var path = context.Request.Path.Value ?? "/";
                server.Requests.Enqueue(path);
                var (status, body) = routes.TryGetValue(path, out var route) ? route : (404, "not found");
                context.Response.StatusCode = status;
                await context.Response.WriteAsync(body);
            })
            .ConfigureAwait(false);
        return server;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
