using GitOpsRunners.Charts;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Support.Charts;
using GitOpsRunners.Tests.Support.Registry;
using GitOpsRunners.Versions.Lookup;

namespace GitOpsRunners.Tests.Charts;

/// <summary>
/// Charts are fetched as the cluster would fetch them, from a real OCI registry (Helm's media types) and from a
/// loopback Helm repository, checked against their published digests, cached by digest, and found in the cache
/// when the registry cannot be reached.
/// </summary>
public sealed class ChartFetchSpecs(RegistryFixture registry) : IClassFixture<RegistryFixture>, IDisposable
{
    private static readonly string WidgetCrd = ChartPackage.Crd(
        "example.com",
        "Widget",
        ChartPackage.CrdVersion("v1", storage: true)
    );

    private readonly ChartChecks _checks = new();

    public void Dispose() => _checks.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task An_oci_chart_is_pulled_through_its_helm_chart_layer_by_tag_and_by_pinned_digest()
    {
        // Arrange
        var chart = new ChartPackage("oci-widgets", "1.2.0").With("crds/widget.yaml", WidgetCrd);
        var digest = await registry.Pusher.PushChartAsync("charts/oci-widgets", chart);
        var url = $"oci://{registry.Registry.Authority}/charts/oci-widgets";

        // Act
        var byTag = await _checks.CheckAsync(ChartChecks.OciRelease(url, "tag: 1.2.0"));
        var byDigest = await _checks.CheckAsync(ChartChecks.OciRelease(url, $"digest: {digest}"));

        // Assert
        byTag.Findings.Should().BeEmpty();
        byTag.Schemas.Should().ContainSingle().Which.Schema.Kind.Should().Be("Widget");
        byTag
            .Schemas[0]
            .Digest.Should()
            .Be("sha256:" + ChartPackage.Sha256Hex(chart.Pack()), "the chart layer's digest");
        byDigest.Findings.Should().BeEmpty();
        byDigest.Schemas.Should().ContainSingle();
        Directory
            .GetFiles(Path.Combine(_checks.CacheFolder, "charts", "sha256"))
            .Select(Path.GetFileName)
            .Should()
            .Equal(ChartPackage.Sha256Hex(chart.Pack()) + ".tgz");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_pinned_digest_the_registry_does_not_hold_is_a_missing_chart_not_a_warning()
    {
        // Arrange
        var chart = new ChartPackage("oci-gone", "1.0.0").With("crds/widget.yaml", WidgetCrd);
        await registry.Pusher.PushChartAsync("charts/oci-gone", chart);
        var url = $"oci://{registry.Registry.Authority}/charts/oci-gone";

        // Act
        var result = await _checks.CheckAsync(ChartChecks.OciRelease(url, "digest: sha256:" + new string('0', 64)));

        // Assert
        var error = result.Findings.Should().ContainSingle().Subject;
        error.Severity.Should().Be(Severity.Error);
        error.RuleId.Should().Be(ChartRules.Missing.Id);
        error.Location!.File.Should().Be("apps.yaml");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_archive_that_does_not_match_the_digest_its_index_publishes_is_an_error_and_is_not_used()
    {
        // Arrange
        await using var server = await HelmChartServer.StartAsync();
        server.Add(
            new ChartPackage("tampered", "1.0.0").With("crds/widget.yaml", WidgetCrd),
            digest: new string('a', 64)
        );

        // Act
        var result = await _checks.CheckAsync(
            ChartChecks.HelmRelease(server.Url, "tampered", "1.0.0")
                + ChartChecks.Resource("example.com/v2", "Widget", "w")
        );

        // Assert
        var error = result.Findings.Should().ContainSingle().Subject;
        error.RuleId.Should().Be(ChartRules.Digest.Id);
        error.Message.Should().Contain("not the sha256:" + new string('a', 64) + " the index publishes");
        result.Schemas.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task An_index_without_digests_still_serves_its_charts()
    {
        // Arrange
        await using var server = await HelmChartServer.StartAsync();
        server.Add(new ChartPackage("plain", "1.0.0").With("crds/widget.yaml", WidgetCrd), publishDigest: false);

        // Act
        var result = await _checks.CheckAsync(ChartChecks.HelmRelease(server.Url, "plain", "1.0.0"));

        // Assert
        result.Findings.Should().BeEmpty();
        result.Schemas.Should().ContainSingle();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_version_the_index_does_not_list_is_a_missing_chart()
    {
        // Arrange
        await using var server = await HelmChartServer.StartAsync();
        server.Add(new ChartPackage("listed", "1.0.0"));

        // Act
        var result = await _checks.CheckAsync(ChartChecks.HelmRelease(server.Url, "listed", "9.9.9"));

        // Assert
        var error = result.Findings.Should().ContainSingle().Subject;
        error.RuleId.Should().Be(ChartRules.Missing.Id);
        error.Message.Should().Contain("chart listed 9.9.9").And.Contain("index.yaml");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unreachable_repository_is_one_warning_and_a_chart_fetched_before_comes_from_the_cache()
    {
        // Arrange
        var server = await HelmChartServer.StartAsync();
        server.Add(new ChartPackage("cached", "1.0.0").With("crds/widget.yaml", WidgetCrd));
        var online = await _checks.CheckAsync(ChartChecks.HelmRelease(server.Url, "cached", "1.0.0"));
        var never = ChartChecks.HelmRelease(server.Url, "never-fetched", "1.0.0");
        await server.DisposeAsync();

        // Act
        var offline = await _checks.CheckAsync(ChartChecks.HelmRelease(server.Url, "cached", "1.0.0"));
        var unavailable = await _checks.CheckAsync(never);

        // Assert
        online.Schemas.Should().ContainSingle();
        offline.Findings.Should().BeEmpty();
        offline.Schemas.Should().ContainSingle("the archive fetched before is found by its reference");
        var warning = unavailable.Findings.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(Severity.Warning);
        warning.RuleId.Should().Be(ChartRules.Unavailable.Id);
        warning
            .Message.Should()
            .StartWith($"chart never-fetched 1.0.0 ({server.Url}) could not be fetched and is not cached (");
        warning.Message.Should().EndWith("its custom resources are checked against the schema lock and locations.");
        warning.Message.Split('\n').Should().ContainSingle("one line per chart");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_host_name_that_does_not_resolve_is_said_as_such_for_each_chart()
    {
        // Act
        var result = await _checks.CheckAsync(
            ChartChecks.HelmRelease("https://charts.example.invalid", "nowhere", "1.0.0")
                + "---\n"
                + ChartChecks.OciRelease("oci://registry.example.invalid/charts/nowhere", "tag: 1.0.0")
        );

        // Assert
        result.Findings.Select(f => f.RuleId).Should().Equal(ChartRules.Unavailable.Id, ChartRules.Unavailable.Id);
        result.Findings.Should().OnlyContain(f => f.Message.Contains("does not resolve"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_registry_mirror_is_read_instead_of_the_registry_the_manifests_name()
    {
        // Arrange
        var chart = new ChartPackage("mirrored", "1.0.0").With("crds/widget.yaml", WidgetCrd);
        await registry.Pusher.PushChartAsync("mirror/charts/mirrored", chart);
        var mirrors = RegistryMirrors.Parse([$"ghcr.example.invalid={registry.Registry.BaseUri}mirror"], []);

        // Act
        var result = await _checks.CheckAsync(
            ChartChecks.OciRelease("oci://ghcr.example.invalid/charts/mirrored", "tag: 1.0.0"),
            mirrors
        );

        // Assert
        result.Findings.Should().BeEmpty();
        result.Schemas.Should().ContainSingle();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_chart_layer_that_does_not_match_the_digest_its_manifest_names_is_an_error()
    {
        // Arrange
        var chart = new ChartPackage("oci-tampered", "1.0.0").With("crds/widget.yaml", WidgetCrd);
        await registry.Pusher.PushChartAsync("charts/oci-tampered", chart);
        using var upstream = new HttpClient { BaseAddress = registry.Registry.BaseUri };
        await using var tampering = await LoopbackServer.StartAsync(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.Contains("/blobs/", StringComparison.Ordinal))
            {
                await context.Response.Body.WriteAsync(new ChartPackage("oci-tampered", "6.6.6").Pack());
                return;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
            request.Headers.TryAddWithoutValidation("Accept", context.Request.Headers.Accept.ToString());
            using var answer = await upstream.SendAsync(request);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            await context.Response.Body.WriteAsync(await answer.Content.ReadAsByteArrayAsync());
        });
        var mirrors = RegistryMirrors.Parse([$"ghcr.example.invalid={tampering.BaseUri}"], []);

        // Act
        var result = await _checks.CheckAsync(
            ChartChecks.OciRelease("oci://ghcr.example.invalid/charts/oci-tampered", "tag: 1.0.0")
                + ChartChecks.Resource("example.com/v2", "Widget", "w"),
            mirrors
        );

        // Assert
        var error = result.Findings.Should().ContainSingle().Subject;
        error.RuleId.Should().Be(ChartRules.Digest.Id);
        error
            .Message.Should()
            .Contain("the chart layer the registry sent hashes to sha256:")
            .And.Contain("not the sha256:");
        result.Schemas.Should().BeEmpty("a chart that is not the published one is not used");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_chart_only_the_cluster_can_resolve_is_said_once_as_not_checked()
    {
        // Act
        var result = await _checks.CheckAsync(
            ChartChecks.HelmRelease("https://charts.example.invalid", "ranged", "1.x")
        );

        // Assert
        var info = result.Findings.Should().ContainSingle().Subject;
        info.Severity.Should().Be(Severity.Info);
        info.RuleId.Should().Be(ChartRules.NotChecked.Id);
        info.Message.Should().Contain("'1.x' is a range");
    }
}
