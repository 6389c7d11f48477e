using GitOpsRunners.Tests.Fakes;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Versions.Bump;

/// <summary>
/// A loopback HTTP proxy in front of the real registry that answers the next <see cref="FailNext"/>
/// requests (or all, with <see cref="FailAlways"/>) with a 5xx instead of forwarding them.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private LoopbackServer _server = null!;
    private int _failures;
    private int _failed;

    public int Failed => Volatile.Read(ref _failed);

    public bool FailAlways { get; set; }

    public int StatusCode { get; set; } = StatusCodes.Status503ServiceUnavailable;

    public string Authority => _server.Authority;

    public static async Task<FaultProxy> StartAsync(Uri target)
    {
        var proxy = new FaultProxy();
        proxy._server = await LoopbackServer.StartAsync(context => proxy.HandleAsync(context, target));
        return proxy;
    }

    public void FailNext(int times) => Volatile.Write(ref _failures, times);

    public void Reset()
    {
        FailAlways = false;
        Volatile.Write(ref _failures, 0);
        Volatile.Write(ref _failed, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private async Task HandleAsync(HttpContext context, Uri target)
    {
        if (FailAlways || Interlocked.Decrement(ref _failures) >= 0)
        {
            Interlocked.Increment(ref _failed);
            context.Response.StatusCode = StatusCode;
            await context.Response.WriteAsync(
                "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"backend is restarting\"}]}"
            );
            return;
        }

        using var request = new HttpRequestMessage(
            new HttpMethod(context.Request.Method),
            new Uri(target, context.Request.Path + context.Request.QueryString)
        );
        foreach (var accept in context.Request.Headers.Accept)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _http.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key is "Transfer-Encoding" or "Content-Length")
            {
                continue;
            }

            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        var body = await response.Content.ReadAsByteArrayAsync();
        if (context.Request.Method != "HEAD")
        {
            await context.Response.Body.WriteAsync(body);
        }
        else
        {
            context.Response.ContentLength = response.Content.Headers.ContentLength;
        }
    }
}
