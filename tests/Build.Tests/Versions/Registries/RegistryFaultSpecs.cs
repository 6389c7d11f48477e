using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Versions.Registries;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Versions.Registries;

/// <summary>Retries, timeouts and error messages, against loopback servers that misbehave on purpose.</summary>
public sealed class RegistryFaultSpecs
{
    [Fact(Timeout = 20_000)]
    public async Task A_503_is_retried_and_the_next_answer_is_used()
    {
        // Arrange
        await using var server = await FailsOnceThenListsAsync("1.0.0", StatusCodes.Status503ServiceUnavailable);

        // Act
        var tags = await TestHttp.OciClient().ListTagsAsync(Reference(server), CancellationToken.None);

        // Assert
        tags.Should().Equal("1.0.0");
        server.Requests.Should().Be(2);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_429_waits_for_the_Retry_After_the_server_asked_for()
    {
        // Arrange
        await using var server = await FailsOnceThenListsAsync(
            "2.0.0",
            StatusCodes.Status429TooManyRequests,
            ("Retry-After", "1")
        );
        var clock = Stopwatch.StartNew();

        // Act
        var tags = await TestHttp.OciClient().ListTagsAsync(Reference(server), CancellationToken.None);

        // Assert
        tags.Should().Equal("2.0.0");
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(900));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_persistent_500_fails_naming_the_host_the_status_and_the_attempts()
    {
        // Arrange
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return context.Response.WriteAsync(
                "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"storage backend down\"}]}"
            );
        });

        // Act
        var act = () => TestHttp.OciClient().ListTagsAsync(Reference(server), CancellationToken.None);

        // Assert
        await RegistryFailure.ShouldFailWithAsync(
            act,
            HttpStatusCode.InternalServerError,
            server.Authority,
            "HTTP 500",
            "after 3 attempts",
            "storage backend down"
        );
        server.Requests.Should().Be(3);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_hanging_registry_times_out_per_attempt_and_fails_after_the_last_one()
    {
        // Arrange
        await using var server = await LoopbackServer.StartAsync(context =>
            Task.Delay(Timeout.Infinite, context.RequestAborted)
        );
        var options = TestHttp.Options with { MaxRetryAttempts = 1, AttemptTimeout = TimeSpan.FromMilliseconds(200) };
        var clock = Stopwatch.StartNew();

        // Act
        var act = () =>
            TestHttp.OciClient(options: options).ResolveDigestAsync(Reference(server), "1.0.0", CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<RegistryException>()).Which;
        error.Message.Should().Contain(server.Authority).And.Contain("timed out after 2 attempts");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_basic_challenge_without_credentials_names_the_host_specific_variables()
    {
        // Arrange
        await using var server = await LoopbackServer.AnsweringAsync(
            StatusCodes.Status401Unauthorized,
            "Basic realm=\"registry\""
        );
        var key = "127_0_0_1_" + server.BaseUri.Port;

        // Act
        var act = () =>
            TestHttp.OciClient(TestHttp.NoCredentials).ListTagsAsync(Reference(server), CancellationToken.None);

        // Assert
        await RegistryFailure.ShouldFailWithAsync(
            act,
            HttpStatusCode.Unauthorized,
            $"REGISTRY_{key}_USERNAME and REGISTRY_{key}_PASSWORD",
            server.Authority
        );
    }

    [Fact(Timeout = 20_000)]
    public async Task A_basic_challenge_is_answered_with_the_generic_credentials()
    {
        // Arrange
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:token-1"));
        await using var server = await ListsTagUnlessAsync(
            "3.0.0",
            refuse: context => context.Request.Headers.Authorization != expected,
            StatusCodes.Status401Unauthorized,
            ("WWW-Authenticate", "Basic realm=\"registry\"")
        );
        var credentials = TestHttp.Credentials(("REGISTRY_USERNAME", "ci"), ("REGISTRY_PASSWORD", "token-1"));
        var client = TestHttp.OciClient(credentials);

        // Act
        var first = await client.ListTagsAsync(Reference(server), CancellationToken.None);
        var second = await client.ListTagsAsync(Reference(server), CancellationToken.None);

        // Assert
        first.Should().Equal("3.0.0");
        second.Should().Equal("3.0.0");
        server
            .Requests.Should()
            .Be(3, "the first call is challenged once, the second sends the credentials straight away");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_404_repository_is_reported_as_unknown_without_retrying()
    {
        // Arrange
        await using var server = await LoopbackServer.AnsweringAsync(StatusCodes.Status404NotFound);

        // Act
        var act = () => TestHttp.OciClient().ListTagsAsync(Reference(server), CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<RegistryException>()).Which;
        error.Message.Should().Contain("HTTP 404").And.Contain("org/app does not exist").And.NotContain("attempts");
        server.Requests.Should().Be(1);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_missing_digest_header_falls_back_to_hashing_the_manifest_bytes()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}\n"
        );
        var seen = new List<(string Method, string Accept)>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            seen.Add((context.Request.Method, context.Request.Headers.Accept.ToString()));
            context.Response.ContentType = OciMediaTypes.ImageIndex;
            context.Response.ContentLength = body.Length;
            if (HttpMethods.IsGet(context.Request.Method))
                await context.Response.Body.WriteAsync(body);
        });

        // Act
        var digest = await TestHttp.OciClient().ResolveDigestAsync(Reference(server), "1.0.0", CancellationToken.None);

        // Assert
        digest.Should().Be("sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)));
        seen.Select(s => s.Method).Should().Equal("HEAD", "GET");
        seen[0]
            .Accept.Should()
            .Contain(OciMediaTypes.ImageIndex)
            .And.Contain(OciMediaTypes.ImageManifest)
            .And.Contain(OciMediaTypes.DockerManifestList)
            .And.Contain(OciMediaTypes.DockerManifest);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_registry_that_refuses_connections_fails_naming_the_host_after_every_attempt()
    {
        // Arrange
        string authority;
        await using (var server = await LoopbackServer.StartAsync(_ => Task.CompletedTask))
            authority = server.Authority;

        // Act
        var act = () =>
            TestHttp.OciClient().ListTagsAsync(OciReference.Parse($"{authority}/org/app"), CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<RegistryException>())
            .Which.Message.Should()
            .Contain(authority)
            .And.Contain("after 3 attempts");
    }

    private static OciReference Reference(LoopbackServer server) => OciReference.Parse($"{server.Authority}/org/app");

    /// <summary>A registry whose first answer is <paramref name="status"/> (and <paramref name="header"/>), then lists <paramref name="tag"/>.</summary>
    private static Task<LoopbackServer> FailsOnceThenListsAsync(
        string tag,
        int status,
        (string Name, string Value)? header = null
    )
    {
        var calls = 0;
        return ListsTagUnlessAsync(tag, refuse: _ => Interlocked.Increment(ref calls) == 1, status, header);
    }

    /// <summary>
    /// A registry listing <paramref name="tag"/> for <c>org/app</c>, except that a request <paramref name="refuse"/> picks
    /// gets <paramref name="status"/> (and <paramref name="header"/>) with no body.
    /// </summary>
    private static Task<LoopbackServer> ListsTagUnlessAsync(
        string tag,
        Func<HttpContext, bool> refuse,
        int status,
        (string Name, string Value)? header = null
    ) =>
        LoopbackServer.StartAsync(context =>
        {
            if (!refuse(context))
                return context.Response.WriteAsJsonAsync(new { name = "org/app", tags = new[] { tag } });

            context.Response.StatusCode = status;
            if (header is { } extra)
                context.Response.Headers[extra.Name] = extra.Value;
            return Task.CompletedTask;
        });
}
