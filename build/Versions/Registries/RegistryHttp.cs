using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Builds the <see cref="HttpClient"/> every registry client uses: a Polly v8 pipeline (retry outside,
/// per-attempt timeout inside, body included) in a <see cref="ResilienceHandler"/>, over a pooled socket handler;
/// the whole call, retries and waits included, is bounded by <see cref="RegistryHttpOptions.TotalTimeout"/>.
/// After the last attempt the final response comes back as is (the clients turn it into a
/// <see cref="RegistryException"/>), or the last timeout/connection error is thrown.
/// </summary>
public static class RegistryHttp
{
    public static HttpClient CreateClient(RegistryHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transport = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.AttemptTimeout,
        };
        var resilience = new ResilienceHandler(CreatePipeline(options))
        {
            InnerHandler = new AttemptCountingHandler
            {
                InnerHandler = new BodyReadingHandler
                {
                    InnerHandler = options.Network is { } network ? network.Wrap(transport) : transport,
                },
            },
        };
        var client = new HttpClient(resilience) { Timeout = options.TotalTimeout };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(options.UserAgent, null));
        return client;
    }

    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(RegistryHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = options.UseJitter,
            ShouldRetryAfterHeader = false,
        };
        retry.DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter));

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetryAttempts > 0)
            builder.AddRetry(retry);
        return builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout }).Build();
    }

    /// <summary>The wait a 429/503 asks for in <c>Retry-After</c> (seconds or a date), capped; null when absent.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null)
            return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero
            : wait > cap ? cap
            : wait;
    }
}
