using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Answers registry challenges. Bearer: GET the realm with <c>service</c> and <c>scope</c>, with Basic
/// credentials when the store has some, and cache the token per registry and scope until it expires
/// (<c>expires_in</c>, 60 s when absent). Basic: send the stored credentials. Credentials never travel
/// over plain http except to loopback hosts.
/// </summary>
internal sealed class OciAuthenticator(HttpClient http, RegistryCredentialStore credentials, TimeProvider time)
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (AuthenticationHeaderValue Header, DateTimeOffset Until)> _cache =
        new();

    public RegistryCredentials? CredentialsFor(string registry) => credentials.Find(registry);

    public AuthenticationHeaderValue? Cached(string registry, string scope)
    {
        foreach (var key in new[] { BearerKey(registry, scope), BasicKey(registry) })
        {
            if (_cache.TryGetValue(key, out var entry) && entry.Until > time.GetUtcNow())
                return entry.Header;
        }

        return null;
    }

    public void Forget(string registry, string scope)
    {
        _cache.TryRemove(BearerKey(registry, scope), out _);
        _cache.TryRemove(BasicKey(registry), out _);
    }

    public async Task<AuthenticationHeaderValue> AuthorizeAsync(
        OciReference repository,
        AuthChallenge challenge,
        string scope,
        CancellationToken ct
    )
    {
        var registry = repository.Registry;
        var found = credentials.Find(registry);
        if (challenge.IsBasic)
        {
            if (found is null)
                throw new RegistryException(
                    registry,
                    $"{registry} asks for a user name and password to read {repository.WithoutVersion()}: set {RegistryCredentialStore.Describe(registry)}.",
                    HttpStatusCode.Unauthorized
                );
            var basic = found.BasicFor(repository.BaseUri, registry);
            _cache[BasicKey(registry)] = (basic, DateTimeOffset.MaxValue);
            return basic;
        }

        var token = await FetchTokenAsync(repository, challenge, challenge.Scope ?? scope, found, ct);
        _cache[BearerKey(registry, scope)] = (
            new AuthenticationHeaderValue("Bearer", token.Value),
            time.GetUtcNow() + token.Lifetime - ExpiryMargin
        );
        return new AuthenticationHeaderValue("Bearer", token.Value);
    }

    private async Task<(string Value, TimeSpan Lifetime)> FetchTokenAsync(
        OciReference repository,
        AuthChallenge challenge,
        string scope,
        RegistryCredentials? found,
        CancellationToken ct
    )
    {
        var registry = repository.Registry;
        if (
            challenge.Realm is not { } realmText
            || !Uri.TryCreate(realmText, UriKind.Absolute, out var realm)
            || realm.Scheme is not ("http" or "https")
        )
            throw new RegistryException(
                registry,
                $"{registry} sent a Bearer challenge without a usable realm ('{challenge.Realm}'); it cannot be answered."
            );

        var query = new List<string>();
        if (challenge.Service is { Length: > 0 } service)
            query.Add("service=" + Uri.EscapeDataString(service));
        query.Add("scope=" + Uri.EscapeDataString(scope));
        var separator = string.IsNullOrEmpty(realm.Query) ? "?" : "&";
        var tokenUri = new Uri(realm.AbsoluteUri + separator + string.Join('&', query));

        using var request = new HttpRequestMessage(HttpMethod.Get, tokenUri);
        if (found is not null)
        {
            request.Headers.Authorization = found.BasicFor(realm, registry);
        }

        var action = $"getting a token for {scope} from {realm.GetLeftPart(UriPartial.Path)}";
        using var response = await RegistrySender.SendAsync(http, request, registry, action, ct);
        if (!response.IsSuccessStatusCode)
        {
            var hint = RegistrySender.IsAuthFailure(response.StatusCode)
                ? found is null
                    ? $"The token service does not grant anonymous access; set {RegistryCredentialStore.Describe(registry)}."
                    : $"The credentials from {found.Source} were refused; check them or set {RegistryCredentialStore.Describe(registry)}."
                : null;
            throw await RegistrySender.FailureAsync(response, registry, action, hint, ct);
        }

        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = json.RootElement;
            var value = Text(root, "token") ?? Text(root, "access_token");
            if (string.IsNullOrEmpty(value))
                throw new RegistryException(
                    registry,
                    $"{registry}: the token service at {realm.Host} answered without a token."
                );
            var lifetime =
                root.TryGetProperty("expires_in", out var expires)
                && expires.TryGetInt32(out var seconds)
                && seconds > 0
                    ? TimeSpan.FromSeconds(seconds)
                    : DefaultTokenLifetime;
            return (value, lifetime);
        }
        catch (JsonException ex)
        {
            throw new RegistryException(
                registry,
                $"{registry}: the token service at {realm.Host} answered with something that is not JSON.",
                inner: ex
            );
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string BearerKey(string registry, string scope) => $"bearer {registry} {scope}";

    private static string BasicKey(string registry) => $"basic {registry}";
}
