using System.Net.Http.Headers;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

public sealed class AuthChallengeSpecs
{
    [Fact]
    public void A_bearer_challenge_gives_realm_service_and_a_scope_with_commas()
    {
        // Act
        var challenge = AuthChallenge.Parse(
            "Bearer",
            "realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:org/app:pull,push\""
        );

        // Assert
        challenge.IsBearer.Should().BeTrue();
        challenge.Realm.Should().Be("https://ghcr.io/token");
        challenge.Service.Should().Be("ghcr.io");
        challenge.Scope.Should().Be("repository:org/app:pull,push");
    }

    [Fact]
    public void Unquoted_values_escaped_quotes_and_odd_spacing_are_read()
    {
        // Act
        var challenge = AuthChallenge.Parse(
            "Bearer",
            " Realm=https://auth.example/token , service=\"a \\\"quoted\\\" name\",error=invalid_token"
        );

        // Assert
        challenge.Realm.Should().Be("https://auth.example/token");
        challenge.Service.Should().Be("a \"quoted\" name");
        challenge.Parameter("error").Should().Be("invalid_token");
        challenge.Scope.Should().BeNull();
    }

    [Fact]
    public void Bearer_is_preferred_over_basic_when_a_registry_offers_both()
    {
        // Arrange
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Basic", "realm=\"x\""));
        response.Headers.WwwAuthenticate.Add(
            new AuthenticationHeaderValue("Bearer", "realm=\"https://t.example/token\"")
        );

        // Act
        var challenge = AuthChallenge.Select(response.Headers.WwwAuthenticate);

        // Assert
        challenge!.IsBearer.Should().BeTrue();
        challenge.Realm.Should().Be("https://t.example/token");
    }

    [Fact]
    public void An_unknown_scheme_alone_is_no_usable_challenge()
    {
        // Arrange
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Negotiate"));

        // Act
        var challenge = AuthChallenge.Select(response.Headers.WwwAuthenticate);

        // Assert
        challenge.Should().BeNull();
    }
}
