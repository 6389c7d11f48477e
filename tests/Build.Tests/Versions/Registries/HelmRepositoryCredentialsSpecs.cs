using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Versions.Registries;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Versions.Registries;

/// <summary>A private Helm HTTP repository on loopback that asks for a user name and password with a Basic challenge.</summary>
public sealed class HelmRepositoryCredentialsSpecs : IAsyncLifetime
{
    private const string Index = """
        apiVersion: v1
        entries:
          runners:
          - name: runners
            version: 1.2.0
            urls:
            - runners-1.2.0.tgz
        """;

    private readonly ConcurrentQueue<string?> _authorizations = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(AnswerAsync);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact(Timeout = 20_000)]
    public async Task The_index_is_read_with_the_hosts_credentials_after_the_challenge()
    {
        var client = Client(("REGISTRY_{HOST}_USERNAME", "robot"), ("REGISTRY_{HOST}_PASSWORD", "s3cret"));

        var versions = await client.GetVersionsAsync(Repository, "runners", CancellationToken.None);

        versions.Should().ContainSingle().Which.Version.Should().Be("1.2.0");
        _authorizations.Should().Equal(null, Basic("robot", "s3cret"));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_chart_archive_is_fetched_with_the_credentials_too()
    {
        var client = Client(("REGISTRY_USERNAME", "robot"), ("REGISTRY_PASSWORD", "s3cret"));

        using var response = await client.GetAsync(
            new Uri(Repository, "runners-1.2.0.tgz"),
            "downloading runners",
            CancellationToken.None
        );

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("archive");
    }

    [Fact(Timeout = 20_000)]
    public async Task Without_credentials_the_error_names_the_variables_to_set()
    {
        var client = Client();

        var act = () => client.GetVersionsAsync(Repository, "runners", CancellationToken.None);

        await RegistryFailure.ShouldFailWithAsync(
            act,
            HttpStatusCode.Unauthorized,
            RegistryCredentialStore.Describe(_server.Authority)
        );
        _authorizations.Should().Equal([null]);
    }

    [Fact(Timeout = 20_000)]
    public async Task Refused_credentials_are_named_by_where_they_came_from_never_by_their_value()
    {
        var client = Client(("REGISTRY_USERNAME", "robot"), ("REGISTRY_PASSWORD", "wrong-password"));

        var act = () => client.GetVersionsAsync(Repository, "runners", CancellationToken.None);

        var error = await RegistryFailure.ShouldFailWithAsync(
            act,
            HttpStatusCode.Unauthorized,
            "were refused",
            "REGISTRY_USERNAME"
        );
        error.Message.Should().NotContain("wrong-password");
    }

    [Fact(Timeout = 20_000)]
    public async Task Credentials_are_not_sent_to_a_repository_that_does_not_ask()
    {
        var client = Client(("REGISTRY_USERNAME", "robot"), ("REGISTRY_PASSWORD", "s3cret"));

        var versions = await client.GetVersionsAsync(
            new Uri(_server.BaseUri, "public/"),
            "runners",
            CancellationToken.None
        );

        versions.Should().ContainSingle();
        _authorizations.Should().Equal([null]);
    }

    private Uri Repository => new(_server.BaseUri, "private/");

    private HelmRepositoryClient Client(params (string Name, string Value)[] variables)
    {
        var host = _server.Authority.ToUpperInvariant().Replace('.', '_').Replace(':', '_');
        var environment = variables.ToDictionary(
            v => v.Name.Replace("{HOST}", host, StringComparison.Ordinal),
            v => (string?)v.Value
        );
        return new HelmRepositoryClient(
            RegistryHttp.CreateClient(TestHttp.Options),
            new RegistryCredentialStore(environment)
        );
    }

    private static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    /// <summary><c>/public/</c> answers anyone; <c>/private/</c> answers robot:s3cret and challenges everyone else.</summary>
    private async Task AnswerAsync(HttpContext context)
    {
        string? authorization = context.Request.Headers.Authorization;
        _authorizations.Enqueue(authorization);
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/private/", StringComparison.Ordinal) && authorization != Basic("robot", "s3cret"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"charts\"";
            return;
        }

        await context.Response.WriteAsync(path.EndsWith(".tgz", StringComparison.Ordinal) ? "archive" : Index);
    }
}
