using System.Net;
using GitOpsRunners.Tests.Support.Registry;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

/// <summary>The bearer-token challenge against a real registry with <c>auth: token</c> and a loopback token service.</summary>
public sealed class OciTokenAuthSpecs(TokenRegistryFixture fixture) : IClassFixture<TokenRegistryFixture>
{
    [Fact(Timeout = 20_000)]
    public async Task An_anonymous_client_answers_the_bearer_challenge_and_lists_public_tags()
    {
        // Arrange
        await fixture.Pusher.PushHelmChartAsync("public/arc", "0.13.0");
        await fixture.Pusher.PushHelmChartAsync("public/arc", "0.14.2");

        // Act
        var tags = await TestHttp.OciClient().ListTagsAsync(fixture.Repository("public/arc"), CancellationToken.None);

        // Assert
        tags.Should().BeEquivalentTo(["0.13.0", "0.14.2"]);
        fixture.TokenScopes.Should().Contain("repository:public/arc:pull");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_token_is_fetched_once_per_scope_and_reused_for_later_calls()
    {
        // Arrange
        var (index, _) = await fixture.Pusher.PushIndexAsync(
            "public/runner",
            "2.330.0",
            docker: false,
            "amd64",
            "arm64"
        );
        var client = TestHttp.OciClient();
        var repository = fixture.Repository("public/runner");

        // Act
        var tags = await client.ListTagsAsync(repository, CancellationToken.None);
        var digest = await client.ResolveDigestAsync(repository, "2.330.0", CancellationToken.None);
        await client.ListTagsAsync(repository, CancellationToken.None);

        // Assert
        tags.Should().Contain("2.330.0");
        digest.Should().Be(index);
        fixture.TokenScopes.Count(s => s == "repository:public/runner:pull").Should().Be(1);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_private_repository_without_credentials_fails_naming_the_variables_to_set()
    {
        // Arrange
        await fixture.Pusher.PushHelmChartAsync("private/chart", "1.0.0");
        var key = RegistryCredentialStore.HostKey(fixture.Registry.Authority);

        // Act
        var act = () =>
            TestHttp
                .OciClient(TestHttp.NoCredentials)
                .ListTagsAsync(fixture.Repository("private/chart"), CancellationToken.None);

        // Assert
        await RegistryFailure.ShouldFailWithAsync(
            act,
            HttpStatusCode.Unauthorized,
            fixture.Registry.Authority,
            "anonymous access",
            $"REGISTRY_{key}_USERNAME and REGISTRY_{key}_PASSWORD",
            "REGISTRY_USERNAME"
        );
    }

    [Fact(Timeout = 20_000)]
    public async Task A_private_repository_is_read_with_credentials_sent_to_the_token_service()
    {
        // Arrange
        var pushed = await fixture.Pusher.PushHelmChartAsync("private/secret-chart", "2.0.0");
        var client = TestHttp.OciClient(fixture.Credentials());

        // Act
        var tags = await client.ListTagsAsync(fixture.Repository("private/secret-chart"), CancellationToken.None);
        var digest = await client.ResolveDigestAsync(
            fixture.Repository("private/secret-chart"),
            "2.0.0",
            CancellationToken.None
        );

        // Assert
        tags.Should().Equal("2.0.0");
        digest.Should().Be(pushed);
    }

    [Fact(Timeout = 20_000)]
    public async Task Wrong_credentials_fail_at_the_token_service_without_revealing_the_password()
    {
        // Arrange
        await fixture.Pusher.PushHelmChartAsync("private/other", "1.0.0");
        var client = TestHttp.OciClient(fixture.Credentials(password: "not-the-password-42"));

        // Act
        var act = () => client.ListTagsAsync(fixture.Repository("private/other"), CancellationToken.None);

        // Assert
        var error = await RegistryFailure.ShouldFailWithAsync(
            act,
            HttpStatusCode.Unauthorized,
            "token",
            "were refused",
            "REGISTRY_"
        );
        error.Message.Should().NotContain("not-the-password-42");
    }
}
