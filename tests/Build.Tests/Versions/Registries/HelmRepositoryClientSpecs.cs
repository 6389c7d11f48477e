using System.Net;
using System.Text.RegularExpressions;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Versions.Registries;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Versions.Registries;

/// <summary>Chart versions from a Helm HTTP repository served on loopback.</summary>
public sealed partial class HelmRepositoryClientSpecs
{
    private const string Index = """
        apiVersion: v1
        entries:
          podinfo:
          - apiVersion: v2
            name: podinfo
            version: 6.5.0
            appVersion: 6.5.0
            created: "2025-01-02T03:04:05.123456789Z"
            description: big text that is skipped
            maintainers:
            - name: someone
              email: someone@example.com
            digest: 0f0e0d0c0b0a09080706050403020100ffeeddccbbaa99887766554433221100
            urls:
            - podinfo-6.5.0.tgz
          - name: podinfo
            version: 6.10.1
            appVersion: 6.10.1
            created: "2026-05-06T07:08:09Z"
            urls:
            - https://charts.example.com/podinfo-6.10.1.tgz
          - name: podinfo
            version: 7.0.0-rc.1
            urls: []
          - name: podinfo
            version: 6.9.0
            removed: true
          other:
          - name: other
            version: 1.0.0
        generated: "2026-05-06T07:08:09Z"
        """;

    private readonly HelmRepositoryClient _client = new(RegistryHttp.CreateClient(TestHttp.Options));

    [Fact(Timeout = 20_000)]
    public async Task Versions_come_back_newest_first_with_their_metadata_and_resolved_urls()
    {
        // Arrange
        await using var server = await Serve(Index);

        // Act
        var versions = await VersionsAsync(server, "charts", "podinfo");

        // Assert
        versions.Select(v => v.Version).Should().Equal("7.0.0-rc.1", "6.10.1", "6.5.0");
        var oldest = versions[^1];
        oldest.AppVersion.Should().Be("6.5.0");
        oldest
            .Created.Should()
            .BeCloseTo(new DateTimeOffset(2025, 1, 2, 3, 4, 5, 123, TimeSpan.Zero), TimeSpan.FromMilliseconds(1));
        oldest.Digest.Should().Be("0f0e0d0c0b0a09080706050403020100ffeeddccbbaa99887766554433221100");
        oldest.Urls.Should().Equal(new Uri(server.BaseUri, "charts/podinfo-6.5.0.tgz"));
        versions[1].Urls.Should().Equal(new Uri("https://charts.example.com/podinfo-6.10.1.tgz"));
        versions[1].Digest.Should().BeNull();
        versions[0].Created.Should().BeNull();
    }

    [Fact(Timeout = 20_000)]
    public async Task An_index_is_downloaded_once_per_url_however_many_charts_are_asked_for()
    {
        // Arrange
        await using var server = await Serve(Index);

        // Act
        var podinfo = await VersionsAsync(server, "charts/", "podinfo");
        var other = await VersionsAsync(server, "charts", "other");
        var again = await VersionsAsync(server, "charts/index.yaml", "podinfo");

        // Assert
        podinfo.Should().HaveCount(3);
        other.Single().Version.Should().Be("1.0.0");
        again.Should().BeSameAs(podinfo);
        server.Requests.Should().Be(1);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_chart_missing_from_the_index_is_reported_with_the_charts_it_has()
    {
        // Arrange
        await using var server = await Serve(Index);

        // Act
        var act = () => VersionsAsync(server, "charts", "podinf");

        // Assert
        (await act.Should().ThrowAsync<RegistryException>())
            .Which.Message.Should()
            .Contain("'podinf'")
            .And.Contain("charts/index.yaml")
            .And.Contain("other, podinfo");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_repository_url_without_an_index_fails_with_a_check_the_url_hint()
    {
        // Arrange
        await using var server = await LoopbackServer.AnsweringAsync(StatusCodes.Status404NotFound);

        // Act
        var act = () => VersionsAsync(server, "wrong", "podinfo");

        // Assert
        await RegistryFailure.ShouldFailWithAsync(
            act,
            HttpStatusCode.NotFound,
            server.Authority,
            "wrong/index.yaml",
            "folder that holds index.yaml"
        );
    }

    [Fact(Timeout = 20_000)]
    public async Task A_503_on_the_index_is_retried_and_a_failed_download_is_not_cached()
    {
        // Arrange
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var call = Interlocked.Increment(ref calls);
            if (call <= 3)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }

            return context.Response.WriteAsync(Index);
        });

        // Act
        var first = () => VersionsAsync(server, "charts", "podinfo");
        var failure = (await first.Should().ThrowAsync<RegistryException>()).Which;
        var second = await VersionsAsync(server, "charts", "podinfo");

        // Assert
        failure.Message.Should().Contain("HTTP 503").And.Contain("after 3 attempts");
        second.Should().HaveCount(3);
        server.Requests.Should().Be(4);
    }

    [Fact]
    public void An_oci_url_is_refused_with_a_pointer_to_the_oci_client()
    {
        // Act
        var act = () => HelmRepositoryClient.IndexUri(new Uri("oci://ghcr.io/org/charts"));

        // Assert
        act.Should().Throw<BuildException>().WithMessage("*not an http(s) Helm repository URL*OciRegistryClient*");
    }

    [Fact(Timeout = 20_000)]
    public async Task The_real_external_secrets_index_is_read_completely_when_it_is_provided()
    {
        var path = Environment.GetEnvironmentVariable("GITOPS_TEST_HELM_INDEX");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
            return;

        // Arrange
        var text = await File.ReadAllTextAsync(path);
        var expected = EntryVersion().Matches(text).Select(m => m.Groups[1].Value.Trim('"')).ToList();
        await using var server = await Serve(text);

        // Act
        var versions = await VersionsAsync(server, "external-secrets", "external-secrets");

        // Assert
        versions.Select(v => v.Version).Should().BeEquivalentTo(expected);
        versions
            .Select(v => VersionTags.TryParse(v.Version, out var parsed) ? parsed : null)
            .Should()
            .BeInDescendingOrder();
        versions
            .Should()
            .OnlyContain(v => v.Created != null && v.Digest!.Length == 64 && v.Urls.All(u => u.Scheme == "https"));
        VersionTags
            .Latest(versions.Select(v => v.Version))!
            .Tag.Should()
            .Be(versions.First(v => !v.Version.Contains('-', StringComparison.Ordinal)).Version);
    }

    private static Task<LoopbackServer> Serve(string index) =>
        LoopbackServer.StartAsync(context =>
        {
            if (!context.Request.Path.Value!.EndsWith("/index.yaml", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "text/yaml";
            return context.Response.WriteAsync(index);
        });

    [GeneratedRegex(@"^    version: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex EntryVersion();

    /// <summary>The versions of <paramref name="chart"/> in the repository at <paramref name="path"/> on <paramref name="server"/>.</summary>
    private Task<IReadOnlyList<HelmChartVersion>> VersionsAsync(LoopbackServer server, string path, string chart) =>
        _client.GetVersionsAsync(new Uri(server.BaseUri, path), chart, CancellationToken.None);
}
