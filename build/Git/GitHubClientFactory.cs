using GitOpsRunners.Engine;
using Octokit;
using Octokit.Internal;

namespace GitOpsRunners.Git;

/// <summary>
/// Builds Octokit clients. The base address is used exactly as given (no GHES <c>/api/v3/</c>
/// rewriting), so <c>GITHUB_API_URL</c> from Actions, an Enterprise Server URL and a loopback
/// test server all work. The token is held by Octokit's credential store and never printed.
/// </summary>
public static class GitHubClientFactory
{
    public const string ApiUrlVariable = "GITHUB_API_URL";
    public const string ProductName = "gitops-runners";

    public static Uri DefaultApiUrl { get; } = new("https://api.github.com/");

    /// <summary>How long one GitHub API request may take as a whole when nobody says otherwise.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A client for <paramref name="apiBaseAddress"/>; anonymous when <paramref name="token"/> is empty. Each request
    /// is bounded by <paramref name="requestTimeout"/> (default <see cref="DefaultRequestTimeout"/>).
    /// </summary>
    public static IGitHubClient Create(string? token, Uri apiBaseAddress, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(apiBaseAddress);
        var credentials = string.IsNullOrEmpty(token) ? Credentials.Anonymous : new Credentials(token);
        var address = WithTrailingSlash(apiBaseAddress);
        var connection = new Connection(
            new ProductHeaderValue(ProductName),
            address,
            new InMemoryCredentialStore(credentials),
            new BoundedGitHubHttpClient(address, requestTimeout ?? DefaultRequestTimeout),
            new SimpleJsonSerializer()
        );
        return new GitHubClient(connection);
    }

    /// <summary>Parses a configured API URL; empty means <see cref="DefaultApiUrl"/>.</summary>
    public static Uri ApiBaseAddress(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DefaultApiUrl;
        }

        if (
            !Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        )
        {
            throw new UsageException(
                $"{ApiUrlVariable}='{configured}' is not an http(s) URL. Use e.g. https://api.github.com or https://<ghes-host>/api/v3."
            );
        }

        return WithTrailingSlash(uri);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
