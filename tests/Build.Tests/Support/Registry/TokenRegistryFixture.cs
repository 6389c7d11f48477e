using System.Net.Http.Headers;
using System.Text;
using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Tests.Versions.Registries;
using GitOpsRunners.Versions.Registries;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Support.Registry;

/// <summary>
/// A real distribution registry with <c>auth: token</c>, whose realm is a loopback token service:
/// anyone may pull <c>public/*</c>; <see cref="User"/>/<see cref="Password"/> may pull anything; other
/// anonymous requests get a token that grants nothing; wrong credentials get 401.
/// </summary>
public sealed class TokenRegistryFixture : IAsyncLifetime
{
    public const string User = "robot";
    public const string Password = "s3cret-robot-password";

    private readonly TempDirectory _folder = new();
    private readonly TestTokenIssuer _issuer = new();
    private readonly List<string> _scopes = [];
    private LoopbackServer? _tokenService;
    private RegistryBinary? _registry;

    public RegistryBinary Registry => _registry ?? throw new InvalidOperationException("The registry did not start.");

    public RegistryPusher Pusher { get; private set; } = null!;

    /// <summary>How many tokens the token service handed out, and for which scopes.</summary>
    public IReadOnlyList<string> TokenScopes
    {
        get
        {
            lock (_scopes)
                return [.. _scopes];
        }
    }

    public OciReference Repository(string path) => OciReference.Parse($"{Registry.Authority}/{path}");

    /// <summary>Credentials for this registry the way the build reads them from the environment.</summary>
    public RegistryCredentialStore Credentials(string user = User, string password = Password)
    {
        var key = RegistryCredentialStore.HostKey(Registry.Authority);
        return TestHttp.Credentials(($"REGISTRY_{key}_USERNAME", user), ($"REGISTRY_{key}_PASSWORD", password));
    }

    public async Task InitializeAsync()
    {
        _tokenService = await LoopbackServer.StartAsync(IssueAsync);
        var auth = $"""
              token:
                realm: {_tokenService.BaseUri}token
                service: {TestTokenIssuer.Service}
                issuer: {TestTokenIssuer.Issuer}
                rootcertbundle: {_issuer.WriteRootBundle(_folder.Path)}
            """;
        _registry = await RegistryBinary.StartAsync(_folder.Path, auth);
        Pusher = new RegistryPusher(_registry.BaseUri, repository => _issuer.Issue(repository, "pull", "push"));
    }

    public async Task DisposeAsync()
    {
        Pusher?.Dispose();
        if (_registry is not null)
            await _registry.DisposeAsync();
        if (_tokenService is not null)
            await _tokenService.DisposeAsync();
        _issuer.Dispose();
        _folder.Dispose();
    }

    private async Task IssueAsync(HttpContext context)
    {
        var scope = context.Request.Query["scope"].ToString();
        lock (_scopes)
            _scopes.Add(scope);
        var parts = scope.Split(':');
        var repository = parts.Length == 3 && parts[0] == "repository" ? parts[1] : null;

        string[] actions;
        if (
            AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var basic)
            && basic.Scheme == "Basic"
        )
        {
            if (Encoding.UTF8.GetString(Convert.FromBase64String(basic.Parameter ?? "")) != $"{User}:{Password}")
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new { details = "incorrect username or password" });
                return;
            }

            actions = ["pull"];
        }
        else
        {
            actions = repository?.StartsWith("public/", StringComparison.Ordinal) == true ? ["pull"] : [];
        }

        if (context.Request.Query["service"] != TestTokenIssuer.Service)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var token = _issuer.Issue(repository, actions);
        await context.Response.WriteAsJsonAsync(new { token, expires_in = 300 });
    }
}
