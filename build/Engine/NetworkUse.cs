namespace GitOpsRunners.Engine;

/// <summary>
/// Counts the HTTP requests that leave this process through the handlers it wraps, so that a run can tell whether
/// its answer depended on anything but local files (a cached answer must not stand in for a network's).
/// </summary>
public sealed class NetworkUse
{
    private int _requests;

    /// <summary>Requests sent so far, whatever their outcome.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A handler that counts each request, then passes it to <paramref name="inner"/>.</summary>
    public DelegatingHandler Wrap(HttpMessageHandler inner) => new Counting(this) { InnerHandler = inner };

    private sealed class Counting(NetworkUse owner) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken
        )
        {
            Interlocked.Increment(ref owner._requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
