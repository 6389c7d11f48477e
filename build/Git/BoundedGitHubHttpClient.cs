using System.Net.Http;
using GitOpsRunners.Engine;
using Octokit;
using Octokit.Internal;

namespace GitOpsRunners.Git;

/// <summary>
/// Octokit's HTTP client with every request bounded as a whole (<see cref="Timeout"/>): a GitHub API that
/// never answers, or answers too slowly, ends in one <see cref="BuildException"/> that names the host and
/// what to do, instead of a raw <see cref="TaskCanceledException"/> after Octokit's 100 seconds.
/// </summary>
internal sealed class BoundedGitHubHttpClient(Uri apiBaseAddress, TimeSpan timeout) : IHttpClient
{
    private readonly HttpClientAdapter _inner = new(HttpMessageHandlerFactory.CreateDefault);

    public TimeSpan Timeout { get; private set; } = timeout;

    public async Task<IResponse> Send(
        IRequest request,
        CancellationToken cancellationToken,
        Func<object, object>? preprocessResponseBody = null
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        try
        {
            return await _inner.Send(request, bounded.Token, preprocessResponseBody!).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BuildException(
                $"The GitHub API at {apiBaseAddress.Host} did not answer {request.Method} {request.Endpoint} within {DurationFormat.Format(Timeout)}; check network access and {GitHubClientFactory.ApiUrlVariable}, raise --request-timeout, or run again later.",
                ExitCodes.TargetFailed,
                ex
            );
        }
        catch (HttpRequestException ex)
        {
            throw new BuildException(
                $"Cannot reach the GitHub API at {apiBaseAddress.Host}: {ex.Message}; check network access and {GitHubClientFactory.ApiUrlVariable}.",
                ExitCodes.TargetFailed,
                ex
            );
        }
    }

    public void SetRequestTimeout(TimeSpan timeout)
    {
        Timeout = timeout;
        _inner.SetRequestTimeout(timeout);
    }

    public void Dispose() => _inner.Dispose();
}
