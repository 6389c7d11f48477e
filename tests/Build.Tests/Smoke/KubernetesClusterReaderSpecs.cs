using System.Net.Sockets;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Fakes.Kubernetes;
using GitOpsRunners.Tests.Support;
using k8s;

namespace GitOpsRunners.Tests.Smoke;

public sealed class KubernetesClusterReaderSpecs : IAsyncLifetime
{
    private const string Arc = SmokeScenario.ArcNamespace;
    private KubernetesApiServer _server = null!;

    public async Task InitializeAsync() => _server = await KubernetesApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private KubernetesClusterReader Reader() =>
        new(new KubernetesClientConfiguration { Host = _server.Url.ToString() });

    [Fact(Timeout = 20_000)]
    public async Task The_snapshot_keeps_secret_key_names_but_never_their_values()
    {
        SmokeScenario.Load(_server);
        using var reader = Reader();

        var snapshot = await reader.ReadAsync(SmokeScenario.Expected(), CancellationToken.None);

        snapshot.Secret(Arc, "gha-runner-scale-set-github")!.Keys.Should().Equal("github_token");
        var encoded = Convert.ToBase64String("not-a-real-value"u8.ToArray());
        snapshot
            .Objects.Should()
            .NotContain(o => o.Json.GetRawText().Contains(encoded, StringComparison.Ordinal) || o.Kind == "Secret");
        snapshot
            .Objects.Select(o => o.Id)
            .Should()
            .Contain([
                "Kustomization/flux-system/apps",
                $"HelmRelease/{Arc}/gha-runner-scale-set",
                "ClusterSecretStore/azurekv",
                $"AutoscalingRunnerSet/{Arc}/{SmokeScenario.ScaleSet}",
                $"Pod/{Arc}/{SmokeScenario.ScaleSet}-754b578d-listener",
                $"Deployment/{Arc}/{SmokeScenario.ControllerDeployment}",
                "Deployment/flux-system/helm-controller",
            ]);
        snapshot.Crds["helmreleases.helm.toolkit.fluxcd.io"].Should().Equal("v2");
    }

    [Fact(Timeout = 20_000)]
    public async Task Types_whose_crd_is_not_installed_are_recorded_as_unserved()
    {
        SmokeScenario.Load(
            _server,
            SmokeScenario
                .HealthyObjects()
                .Where(o =>
                    (string?)o["apiVersion"] != "actions.github.com/v1alpha1"
                    && !((string?)o["metadata"]!["name"])!.EndsWith(".actions.github.com", StringComparison.Ordinal)
                )
        );
        using var reader = Reader();

        var snapshot = await reader.ReadAsync(SmokeScenario.Expected(), CancellationToken.None);

        snapshot
            .Unserved.Should()
            .BeEquivalentTo(
                "actions.github.com/v1alpha1/autoscalingrunnersets",
                "actions.github.com/v1alpha1/ephemeralrunners"
            );
    }

    [Fact(Timeout = 20_000)]
    public async Task An_unreachable_api_server_is_one_line_naming_the_address()
    {
        var port = LoopbackPort.Free();
        using var reader = new KubernetesClusterReader(
            new KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" }
        );

        var act = () => reader.ReadAsync(SmokeScenario.Expected(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<SmokeConnectionException>()).Which;
        error.Message.Should().StartWith($"Cannot reach the Kubernetes API server at http://127.0.0.1:{port}");
        error.Message.Should().NotContain("\n");
        error.ExitCode.Should().Be(1);
    }

    [Fact(Timeout = 20_000)]
    public async Task Rejected_credentials_are_one_line_saying_401()
    {
        SmokeScenario.Load(_server);
        _server.Faults.Unauthorized = true;
        using var reader = Reader();

        var act = () => reader.ReadAsync(SmokeScenario.Expected(), CancellationToken.None);

        (await act.Should().ThrowAsync<SmokeConnectionException>())
            .Which.Message.Should()
            .Contain("rejected the credentials (401 Unauthorized)")
            .And.NotContain("\n");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_forbidden_read_names_the_verb_and_resource_that_was_refused()
    {
        SmokeScenario.Load(_server);
        _server.Faults.Forbid("get", "secrets");
        using var reader = Reader();

        var act = () => reader.ReadAsync(SmokeScenario.Expected(), CancellationToken.None);

        (await act.Should().ThrowAsync<SmokeConnectionException>())
            .Which.Message.Should()
            .Contain(
                $"Forbidden (403) at {_server.Url}: secrets \"gha-runner-scale-set-github\" is forbidden: User \"system:serviceaccount:ci:smoke\" cannot get resource \"secrets\" in API group \"\" in the namespace \"{Arc}\""
            );
    }

    [Fact(Timeout = 20_000)]
    public async Task Warning_events_are_read_for_the_named_objects_only()
    {
        SmokeScenario.Load(_server);
        _server.Add(
            CoreFixtures.WarningEvent(
                "default",
                "ClusterSecretStore",
                "azurekv",
                "InvalidProviderConfig",
                "missing tenantID in store config"
            )
        );
        _server.Add(CoreFixtures.WarningEvent("flux-system", "Kustomization", "other", "BuildFailed", "not asked for"));
        using var reader = Reader();

        var events = await reader.ReadWarningEventsAsync(
            ["ClusterSecretStore/azurekv", "Kustomization/flux-system/apps"],
            CancellationToken.None
        );

        events
            .Should()
            .ContainSingle()
            .Which.Should()
            .BeEquivalentTo(
                new
                {
                    InvolvedKind = "ClusterSecretStore",
                    InvolvedName = "azurekv",
                    Reason = "InvalidProviderConfig",
                    Message = "missing tenantID in store config",
                }
            );
    }

    [Fact(Timeout = 20_000)]
    public async Task A_kubeconfig_context_points_the_reader_at_its_server()
    {
        using var temp = new TempDirectory();
        var path = _server.WriteKubeconfig(temp.Combine("kubeconfig"), context: "aks-test");
        SmokeScenario.Load(_server);

        var configuration = KubernetesConnection.Configure(new SmokeOptions(Kubeconfig: path, Context: "aks-test"));
        using var reader = new KubernetesClusterReader(configuration);
        var snapshot = await reader.ReadAsync(SmokeScenario.Expected(), CancellationToken.None);

        configuration.Host.Should().Be(_server.Url.ToString().TrimEnd('/'));
        snapshot.Objects.Should().NotBeEmpty();
    }

    [Fact]
    public void An_unknown_context_or_a_missing_kubeconfig_is_a_connection_error()
    {
        using var temp = new TempDirectory();
        var path = _server.WriteKubeconfig(temp.Combine("kubeconfig"));

        var unknownContext = () => KubernetesConnection.Configure(new SmokeOptions(Kubeconfig: path, Context: "nope"));
        var missingFile = () => KubernetesConnection.Configure(new SmokeOptions(Kubeconfig: temp.Combine("absent")));
        var nothing = () =>
            KubernetesConnection.Configure(new SmokeOptions(), name => name == "HOME" ? temp.Path : null);

        unknownContext.Should().Throw<SmokeConnectionException>().WithMessage("kubeconfig: *nope*");
        missingFile.Should().Throw<SmokeConnectionException>().WithMessage("--kubeconfig *absent: file not found*");
        nothing.Should().Throw<SmokeConnectionException>().WithMessage("No kubeconfig found*");
    }

    [Fact]
    public void The_kubeconfig_variable_is_used_when_no_path_is_given()
    {
        using var temp = new TempDirectory();
        var path = _server.WriteKubeconfig(temp.Combine("from-env"));

        var configuration = KubernetesConnection.Configure(
            new SmokeOptions(),
            name =>
                name switch
                {
                    "KUBECONFIG" => temp.Combine("missing") + Path.PathSeparator + path,
                    "HOME" => temp.Path,
                    _ => null,
                }
        );

        configuration.Host.Should().Be(_server.Url.ToString().TrimEnd('/'));
    }
}
