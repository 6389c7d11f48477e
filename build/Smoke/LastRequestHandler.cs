namespace GitOpsRunners.Smoke;

/// <summary>Remembers the last request sent to the API server, so an answer that cannot be read names its URL.</summary>
internal sealed class LastRequestHandler : DelegatingHandler
{
    private string? _last;

    /// <summary><c>GET https://server/apis/…</c> of the most recent request, or null before the first.</summary>
    public string? Last => Volatile.Read(ref _last);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        Volatile.Write(ref _last, $"{request.Method} {request.RequestUri}");
        return base.SendAsync(request, ct);
    }
}
