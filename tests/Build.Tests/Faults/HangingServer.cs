using GitOpsRunners.Tests.Fakes;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Faults;

/// <summary>Loopback HTTP servers that misbehave on purpose: never answer, trickle, fail, or talk nonsense.</summary>
public static class HangingServer
{
    /// <summary>Accepts every request and never answers it.</summary>
    public static Task<LoopbackServer> NeverAnswersAsync() =>
        LoopbackServer.StartAsync(async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException) { }
        });

    /// <summary>Sends the headers at once, then a JSON body one byte every <paramref name="every"/>.</summary>
    public static Task<LoopbackServer> TricklesAsync(string body, TimeSpan every) =>
        LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.StartAsync(context.RequestAborted);
            try
            {
                foreach (var c in body)
                {
                    await context.Response.Body.WriteAsync(new[] { (byte)c }, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(every, context.RequestAborted);
                }
            }
            catch (OperationCanceledException) { }
        });

    /// <summary>Answers every request with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public static Task<LoopbackServer> AnswersAsync(int status, string body, string contentType = "application/json") =>
        LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, context.RequestAborted);
        });
}
