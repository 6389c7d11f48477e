using System.Text.Json.Nodes;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Fakes.Kubernetes;

namespace GitOpsRunners.Tests.Smoke;

/// <summary>Smoke for a cluster whose runner credentials come from a ClusterExternalSecret instead of an ExternalSecret.</summary>
public sealed class ClusterExternalSecretSmokeSpecs
{
    private const string Name = "github-credentials";
    private const string Target = "gha-runner-scale-set-github";

    private static readonly SmokeExpectations Expected = SmokeExpectations.From(
        RenderedClusters.FromYaml(SmokeScenario.Cluster, Yaml()),
        SmokeScenario.Commit
    );

    [Fact]
    public void The_cluster_external_secret_is_expected_cluster_wide_and_produces_the_runner_secret()
    {
        Expected.ExternalSecrets.Should().ContainSingle().Which.Key.Id.Should().Be($"ClusterExternalSecret/{Name}");
        var secret = Expected.Secrets.Should().ContainSingle().Subject;
        secret.ProducedBy!.Id.Should().Be($"ClusterExternalSecret/{Name}");
        secret.Keys.Should().Equal("github_token");
        secret.ArcCredentials.Should().BeTrue();
    }

    [Fact]
    public void A_ready_cluster_external_secret_passes()
    {
        var result = Check(Healthy());

        result.State.Should().Be(CheckState.Pass, result.Reason);
    }

    [Fact]
    public void A_cluster_external_secret_that_failed_in_a_namespace_fails_with_the_controllers_message()
    {
        var result = Check(Healthy().With("ClusterExternalSecret", Name, ces => ces.NamespacesFailed()));

        result.State.Should().Be(CheckState.Fail);
        result.Reason.Should().Contain("one or more namespaces failed");
    }

    private static CheckResult Check(List<JsonObject> objects) =>
        HealthRules
            .Evaluate(Expected, SmokeScenario.Snapshot(objects))
            .Should()
            .ContainSingle(r => r.Object == $"ClusterExternalSecret/{Name}")
            .Subject;

    /// <summary>The healthy cluster, with the ClusterExternalSecret (and the ExternalSecret it made) for the runners.</summary>
    private static List<JsonObject> Healthy()
    {
        var objects = SmokeScenario.HealthyObjects();
        objects.Add(ExternalSecretsFixtures.ClusterExternalSecret(Name, SmokeScenario.ArcNamespace, "azurekv", Target));
        return objects;
    }

    /// <summary>The scenario's desired state with the runners' ExternalSecret replaced by a ClusterExternalSecret.</summary>
    private static string Yaml()
    {
        const string externalSecret = "kind: ExternalSecret\n";
        var start = SmokeScenario.Yaml.IndexOf(externalSecret, StringComparison.Ordinal);
        var end = SmokeScenario.Yaml.IndexOf("---", start, StringComparison.Ordinal);
        return SmokeScenario.Yaml[..start]
            + $$$"""
                kind: ClusterExternalSecret
                metadata: {name: {{{Name}}}}
                spec:
                  namespaces: [{{{SmokeScenario.ArcNamespace}}}]
                  externalSecretSpec:
                    secretStoreRef: {kind: ClusterSecretStore, name: azurekv}
                    target: {name: {{{Target}}}}
                    data:
                      - {secretKey: github_token, remoteRef: {key: gh-flux-aks-token}}

                """
            + SmokeScenario.Yaml[end..];
    }
}
