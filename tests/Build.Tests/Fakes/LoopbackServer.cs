using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitOpsRunners.Tests.Fakes;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port: the one host of every loopback fake (GitHub, Kubernetes,
/// registries and the servers that misbehave on purpose), built from one handler or a whole pipeline.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LoopbackServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary><c>127.0.0.1:port</c>, the registry part of an OCI reference.</summary>
    public string Authority => BaseUri.Authority;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts a server answering every request with <paramref name="handler"/>.</summary>
    public static Task<LoopbackServer> StartAsync(RequestDelegate handler) => StartAsync(app => app.Run(handler));

    /// <summary>
    /// Starts a server answering every request with <paramref name="status"/> and no body; with a
    /// <paramref name="challenge"/>, that is its <c>WWW-Authenticate</c> header.
    /// </summary>
    public static Task<LoopbackServer> AnsweringAsync(int status, string? challenge = null) =>
        StartAsync(context =>
        {
            context.Response.StatusCode = status;
            if (challenge is not null)
                context.Response.Headers.WWWAuthenticate = challenge;
            return Task.CompletedTask;
        });

    /// <summary>Starts a server whose pipeline <paramref name="configure"/> builds (middleware, routes, handlers).</summary>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Use(
            (context, next) =>
            {
                Interlocked.Increment(ref server!._requests);
                return next(context);
            }
        );
        configure(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        server = new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
