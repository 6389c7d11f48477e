using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Versions.Registries;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Versions.Registries;

/// <summary>Token lifetime, revocation and realm handling, against a loopback registry that issues numbered tokens.</summary>
public sealed class OciBearerFlowSpecs
{
    [Fact(Timeout = 20_000)]
    public async Task An_expired_token_is_not_sent_again_and_a_revoked_one_is_replaced_after_a_new_challenge()
    {
        // Arrange
        var issued = 0;
        var valid = new HashSet<string>();
        var realmQueries = new List<string>();
        LoopbackServer? server = null;
        server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/token")
            {
                realmQueries.Add(context.Request.QueryString.Value!);
                var token = $"tok-{Interlocked.Increment(ref issued)}";
                valid.Add(token);
                await context.Response.WriteAsJsonAsync(new { access_token = token, expires_in = 60 });
                return;
            }

            var presented = context
                .Request.Headers.Authorization.ToString()
                .Replace("Bearer ", "", StringComparison.Ordinal);
            if (!valid.Contains(presented))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate =
                    $"Bearer realm=\"{server!.BaseUri}token?account=ci\",service=\"fake\",scope=\"repository:org/app:pull\"";
                return;
            }

            await context.Response.WriteAsJsonAsync(new { name = "org/app", tags = new[] { presented } });
        });
        await using var _ = server;
        var clock = new ManualTimeProvider();
        var client = new OciRegistryClient(
            RegistryHttp.CreateClient(TestHttp.Options),
            TestHttp.NoCredentials,
            time: clock
        );
        var repository = OciReference.Parse($"{server.Authority}/org/app");

        // Act
        var first = await client.ListTagsAsync(repository, CancellationToken.None);
        var cached = await client.ListTagsAsync(repository, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(61));
        var afterExpiry = await client.ListTagsAsync(repository, CancellationToken.None);
        valid.Clear();
        var afterRevocation = await client.ListTagsAsync(repository, CancellationToken.None);

        // Assert
        first.Should().Equal("tok-1");
        cached.Should().Equal("tok-1");
        afterExpiry.Should().Equal("tok-2");
        afterRevocation.Should().Equal("tok-3");
        realmQueries.Should().AllBe("?account=ci&service=fake&scope=repository%3Aorg%2Fapp%3Apull");
    }

    [Fact(Timeout = 20_000)]
    public async Task Credentials_are_not_sent_to_a_plain_http_realm_on_another_host()
    {
        // Arrange
        await using var server = await LoopbackServer.AnsweringAsync(
            StatusCodes.Status401Unauthorized,
            "Bearer realm=\"http://auth.example.invalid/token\",service=\"fake\""
        );
        var client = TestHttp.OciClient(
            TestHttp.Credentials(("REGISTRY_USERNAME", "ci"), ("REGISTRY_PASSWORD", "secret-value"))
        );

        // Act
        var act = () => client.ListTagsAsync(OciReference.Parse($"{server.Authority}/org/app"), CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<RegistryException>())
            .Which.Message.Should()
            .Contain(
                "refusing to send the credentials from REGISTRY_USERNAME/REGISTRY_PASSWORD over plain http to auth.example.invalid"
            )
            .And.NotContain("secret-value");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_bearer_challenge_without_a_realm_is_reported()
    {
        // Arrange
        await using var server = await LoopbackServer.AnsweringAsync(
            StatusCodes.Status401Unauthorized,
            "Bearer service=\"fake\""
        );

        // Act
        var act = () =>
            TestHttp
                .OciClient()
                .ListTagsAsync(OciReference.Parse($"{server.Authority}/org/app"), CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<RegistryException>())
            .Which.Message.Should()
            .Contain("without a usable realm");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_token_service_that_answers_without_a_token_is_reported()
    {
        // Arrange
        LoopbackServer? server = null;
        server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/token")
                return context.Response.WriteAsJsonAsync(new { expires_in = 60 });
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{server!.BaseUri}token\"";
            return Task.CompletedTask;
        });
        await using var _ = server;

        // Act
        var act = () =>
            TestHttp
                .OciClient()
                .ListTagsAsync(OciReference.Parse($"{server.Authority}/org/app"), CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<RegistryException>()).Which;
        error.Message.Should().Contain("answered without a token");
        error.Host.Should().Be(server.Authority);
    }
}
