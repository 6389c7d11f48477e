namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Sits inside the retry pipeline and counts how often a request went out, so that failures can say
/// "after N attempts". The count lives in the request's options under <see cref="Key"/>.
/// </summary>
internal sealed class AttemptCountingHandler : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<int> Key = new("GitOpsRunners.Registries.Attempts");

    public static int Attempts(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var attempts) ? attempts : 1;

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        request.Options.Set(Key, (request.Options.TryGetValue(Key, out var attempts) ? attempts : 0) + 1);
        return base.SendAsync(request, cancellationToken);
    }
}
