namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Sits inside the retry pipeline and reads the whole response body before the attempt ends, so the
/// per-attempt timeout covers a registry that sends its headers at once and its body a byte a second.
/// </summary>
internal sealed class BodyReadingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
