using System.Net;
using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

public sealed class KubernetesApiServerSpecs : IAsyncLifetime
{
    private KubernetesApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await KubernetesApiServer.StartAsync();
        foreach (var crd in CrdFixtures.Flux())
        {
            _server.Add(crd);
        }

        _server.Add(FluxFixtures.Kustomization("flux-system", "apps"));
        _server.Add(FluxFixtures.Kustomization("flux-system", "infrastructure"));
        _server.Add(FluxFixtures.Kustomization("tenants", "team-a"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task Kubectl_lists_the_fixture_kustomizations_in_every_namespace()
    {
        if (!Kubectl.Installed)
        {
            return;
        }

        var result = await Kubectl.RunAsync(_server, "get", "kustomizations.kustomize.toolkit.fluxcd.io", "-A");

        result.ExitCode.Should().Be(0, result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex(@"^NAMESPACE\s+NAME\s+AGE\s+READY\s+STATUS");
        lines
            .Skip(1)
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2)))
            .Should()
            .Equal("flux-system apps", "flux-system infrastructure", "tenants team-a");
        lines[1].Should().Contain("True").And.Contain("Applied revision: main@sha1:" + FluxFixtures.Commit);
    }

    [Fact(Timeout = 30_000)]
    public async Task Kubectl_finds_a_resource_by_its_short_name_and_reads_one_object_as_json()
    {
        if (!Kubectl.Installed)
        {
            return;
        }

        var result = await Kubectl.RunAsync(_server, "get", "ks", "apps", "-n", "flux-system", "-o", "json");

        result.ExitCode.Should().Be(0, result.StandardError);
        var obj = JsonNode.Parse(result.StandardOutput)!;
        ((string?)obj["status"]!["lastAppliedRevision"]).Should().Be("main@sha1:" + FluxFixtures.Commit);
    }

    [Fact(Timeout = 30_000)]
    public async Task Kubectl_reports_a_missing_object_with_the_servers_not_found_status()
    {
        if (!Kubectl.Installed)
        {
            return;
        }

        var result = await Kubectl.RunAsync(
            _server,
            "get",
            "kustomizations.kustomize.toolkit.fluxcd.io",
            "nope",
            "-n",
            "flux-system"
        );

        result.ExitCode.Should().NotBe(0);
        result.StandardError.Should().Contain("kustomizations.kustomize.toolkit.fluxcd.io \"nope\" not found");
    }

    [Fact(Timeout = 30_000)]
    public async Task Kubectl_shows_the_forbidden_message_naming_verb_and_resource()
    {
        if (!Kubectl.Installed)
        {
            return;
        }

        _server.Faults.Forbid("list", "kustomizations");

        var result = await Kubectl.RunAsync(
            _server,
            "get",
            "kustomizations.kustomize.toolkit.fluxcd.io",
            "-n",
            "flux-system"
        );

        result.ExitCode.Should().NotBe(0);
        result
            .StandardError.Should()
            .Contain(
                "cannot list resource \"kustomizations\" in API group \"kustomize.toolkit.fluxcd.io\" in the namespace \"flux-system\""
            );
    }

    [Fact(Timeout = 30_000)]
    public async Task Discovery_lists_core_and_custom_groups_with_their_resources()
    {
        using var http = new HttpClient { BaseAddress = _server.Url };

        var groups = JsonNode.Parse(await http.GetStringAsync(new Uri("/apis", UriKind.Relative)))!;
        var resources = JsonNode.Parse(
            await http.GetStringAsync(new Uri("/apis/kustomize.toolkit.fluxcd.io/v1", UriKind.Relative))
        )!;

        groups["groups"]!
            .AsArray()
            .Select(g => (string?)g!["name"])
            .Should()
            .Contain(["apps", "kustomize.toolkit.fluxcd.io", "helm.toolkit.fluxcd.io"]);
        var kustomizations = resources["resources"]!.AsArray().Single()!;
        ((string?)kustomizations["kind"]).Should().Be("Kustomization");
        ((bool?)kustomizations["namespaced"]).Should().BeTrue();
        kustomizations["shortNames"]!.AsArray().Select(s => (string?)s).Should().Equal("ks");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_list_carries_its_kind_api_version_and_resource_version_and_honours_selectors()
    {
        using var http = new HttpClient { BaseAddress = _server.Url };

        var all = JsonNode.Parse(
            await http.GetStringAsync(
                new Uri("/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations", UriKind.Relative)
            )
        )!;
        var selected = JsonNode.Parse(
            await http.GetStringAsync(
                new Uri(
                    "/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations?fieldSelector=metadata.namespace%3Dtenants",
                    UriKind.Relative
                )
            )
        )!;

        ((string?)all["kind"]).Should().Be("KustomizationList");
        ((string?)all["apiVersion"]).Should().Be("kustomize.toolkit.fluxcd.io/v1");
        ((string?)all["metadata"]!["resourceVersion"]).Should().NotBeNullOrEmpty();
        all["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"]).Should().Equal("apps", "infrastructure");
        selected["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"]).Should().Equal("team-a");
    }

    [Fact(Timeout = 30_000)]
    public async Task Unknown_resources_and_objects_are_404_status_objects()
    {
        using var http = new HttpClient { BaseAddress = _server.Url };

        var unknown = await http.GetAsync(new Uri("/apis/example.com/v1/widgets", UriKind.Relative));
        var missing = await http.GetAsync(
            new Uri("/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/nope", UriKind.Relative)
        );

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var status = JsonNode.Parse(await missing.Content.ReadAsStringAsync())!;
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        ((string?)status["kind"]).Should().Be("Status");
        ((string?)status["reason"]).Should().Be("NotFound");
        ((int?)status["code"]).Should().Be(404);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_unauthorized_fault_answers_every_request_with_401()
    {
        using var http = new HttpClient { BaseAddress = _server.Url };
        _server.Faults.Unauthorized = true;

        var response = await http.GetAsync(new Uri("/apis", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_change_made_during_a_test_is_served_with_a_newer_resource_version()
    {
        using var http = new HttpClient { BaseAddress = _server.Url };
        var path = new Uri(
            "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps",
            UriKind.Relative
        );
        var before = JsonNode.Parse(await http.GetStringAsync(path))!;

        _server.Update(
            "kustomize.toolkit.fluxcd.io/v1",
            "Kustomization",
            "flux-system",
            "apps",
            k => k.Applied("0123456789abcdef0123456789abcdef01234567")
        );
        var after = JsonNode.Parse(await http.GetStringAsync(path))!;

        ((string?)after["status"]!["lastAppliedRevision"])
            .Should()
            .Be("main@sha1:0123456789abcdef0123456789abcdef01234567");
        long.Parse((string)after["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture)
            .Should()
            .BeGreaterThan(
                long.Parse(
                    (string)before["metadata"]!["resourceVersion"]!,
                    System.Globalization.CultureInfo.InvariantCulture
                )
            );
    }
}
