using System.Text.Json.Nodes;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Fakes.Kubernetes;

namespace GitOpsRunners.Tests.Smoke;

public class HealthRulesSpecs
{
    private const string Arc = SmokeScenario.ArcNamespace;

    private static IReadOnlyList<CheckResult> Evaluate(
        List<JsonObject> objects,
        string? revision = SmokeScenario.Commit
    ) => HealthRules.Evaluate(SmokeScenario.Expected(revision), SmokeScenario.Snapshot(objects));

    private static CheckResult Single(IReadOnlyList<CheckResult> results, string objectId) =>
        results.Should().ContainSingle(r => r.Object == objectId).Subject;

    /// <summary>The one result for <paramref name="objectId"/> once the healthy cluster's <paramref name="kind"/> <paramref name="name"/> is changed.</summary>
    private static CheckResult CheckAfter(
        string kind,
        string name,
        Func<JsonObject, JsonObject> change,
        string objectId
    ) => Single(Evaluate(SmokeScenario.HealthyObjects().With(kind, name, change)), objectId);

    /// <summary>The one result of <paramref name="check"/> once the healthy cluster's scale set is changed.</summary>
    private static CheckResult ScaleSetCheckAfter(Func<JsonObject, JsonObject> change, string check) =>
        Evaluate(SmokeScenario.HealthyObjects().With("AutoscalingRunnerSet", SmokeScenario.ScaleSet, change))
            .Single(r => r.Name == check);

    [Fact]
    public void A_healthy_cluster_passes_every_check()
    {
        var results = Evaluate(SmokeScenario.HealthyObjects());

        results.Where(r => r.State != CheckState.Pass).Should().BeEmpty();
        results
            .Select(r => r.Name)
            .Distinct()
            .Should()
            .Equal(
                CheckNames.FluxCrd,
                CheckNames.FluxController,
                CheckNames.Source,
                CheckNames.Kustomization,
                CheckNames.HelmRelease,
                CheckNames.SecretStore,
                CheckNames.ExternalSecret,
                CheckNames.Secret,
                CheckNames.ArcController,
                CheckNames.ScaleSet,
                CheckNames.ArcVersion,
                CheckNames.Listener,
                CheckNames.Runners
            );
    }

    [Fact]
    public void A_kustomization_that_failed_to_build_fails_with_its_reason_and_message()
    {
        var result = Single(
            Evaluate(SmokeScenario.WithAppsNotReady("BuildFailed", "kustomize build failed: accumulating resources")),
            "Kustomization/flux-system/apps"
        );

        (result.State, result.Reason)
            .Should()
            .Be((CheckState.Fail, "Ready=False BuildFailed: kustomize build failed: accumulating resources"));
    }

    [Fact]
    public void A_kustomization_waiting_for_a_dependency_is_pending()
    {
        var objects = SmokeScenario.WithAppsNotReady(
            "DependencyNotReady",
            "dependency 'flux-system/infrastructure' is not ready"
        );

        Single(Evaluate(objects), "Kustomization/flux-system/apps").State.Should().Be(CheckState.Pending);
    }

    [Fact]
    public void A_kustomization_at_an_older_commit_is_pending_with_both_revisions_named()
    {
        var result = CheckAfter(
            "Kustomization",
            "apps",
            k => k.Applied("1111111111111111111111111111111111111111"),
            "Kustomization/flux-system/apps"
        );

        (result.State, result.Reason)
            .Should()
            .Be((CheckState.Pending, $"applied main@sha1:111111111111, waiting for {SmokeScenario.Commit}"));
    }

    [Fact]
    public void A_generation_not_yet_observed_is_pending_even_when_ready_is_true()
    {
        var result = CheckAfter(
            "Kustomization",
            "apps",
            k => k.Set("metadata.generation", 2),
            "Kustomization/flux-system/apps"
        );

        result.State.Should().Be(CheckState.Pending);
        result.Reason.Should().Contain("generation 2 not reconciled yet (observed 1)");
    }

    [Fact]
    public void A_suspended_object_fails_even_though_its_stale_status_says_ready()
    {
        var result = CheckAfter(
            "HelmRelease",
            "external-secrets",
            h => h.Set("spec.suspend", true),
            "HelmRelease/external-secrets/external-secrets"
        );

        result.State.Should().Be(CheckState.Fail);
        result
            .Reason.Should()
            .StartWith("suspended")
            .And.Contain("flux resume helmrelease external-secrets -n external-secrets");
    }

    [Fact]
    public void A_missing_object_is_pending_and_a_missing_crd_says_the_type_is_not_served()
    {
        var missingObject = SmokeScenario.HealthyObjects().Without("Kustomization", "gha-runner-scale-set");
        var missingCrd = SmokeScenario
            .HealthyObjects()
            .Without("CustomResourceDefinition", "externalsecrets.external-secrets.io")
            .Without("ExternalSecret", "gha-runner-scale-set-github");

        var objectResult = Single(Evaluate(missingObject), "Kustomization/flux-system/gha-runner-scale-set");
        var crdResult = Single(
            Evaluate(missingCrd),
            "ExternalSecret/actions-runner-system/gha-runner-scale-set-github"
        );

        objectResult
            .Should()
            .Be(
                CheckResult.Pending(
                    CheckNames.Kustomization,
                    "Kustomization/flux-system/gha-runner-scale-set",
                    "not found in the cluster"
                )
            );
        crdResult.State.Should().Be(CheckState.Pending);
        crdResult.Reason.Should().Contain("does not serve externalsecrets.external-secrets.io/v1");
    }

    [Fact]
    public void A_helm_release_whose_upgrade_failed_and_stalled_fails_with_the_stalled_reason()
    {
        var result = CheckAfter(
            "HelmRelease",
            "gha-runner-scale-set",
            h => h.UpgradeFailed("0.15.0"),
            $"HelmRelease/{Arc}/gha-runner-scale-set"
        );

        (result.State, result.Reason)
            .Should()
            .Be((CheckState.Fail, "Stalled=True RetriesExceeded: Failed to upgrade after 4 attempt(s)"));
    }

    [Fact]
    public void A_helm_release_that_deployed_another_chart_version_than_pinned_is_pending()
    {
        var result = CheckAfter(
            "HelmRelease",
            "external-secrets",
            h =>
                h.Set(
                    "status.history",
                    JsonNode.Parse(
                        """[{"chartName":"external-secrets","chartVersion":"2.8.1","status":"deployed","version":3}]"""
                    )
                ),
            "HelmRelease/external-secrets/external-secrets"
        );

        (result.State, result.Reason)
            .Should()
            .Be((CheckState.Pending, "deployed external-secrets@2.8.1, the repository pins 2.9.0"));
    }

    [Fact]
    public void An_invalid_secret_store_fails_with_the_eso_reason()
    {
        var result = CheckAfter("ClusterSecretStore", "azurekv", s => s.Invalid(), "ClusterSecretStore/azurekv");

        (result.State, result.Reason)
            .Should()
            .Be((CheckState.Fail, "Ready=False InvalidProviderConfig: unable to create client"));
    }

    [Fact]
    public void An_external_secret_that_cannot_sync_fails()
    {
        var result = CheckAfter(
            "ExternalSecret",
            "gha-runner-scale-set-github",
            e => e.SyncFailed(),
            $"ExternalSecret/{Arc}/gha-runner-scale-set-github"
        );

        result.State.Should().Be(CheckState.Fail);
        result.Reason.Should().Contain("SecretSyncedError");
    }

    [Fact]
    public void A_secret_without_the_keys_arc_reads_fails_and_names_only_key_names()
    {
        var result = CheckAfter(
            "Secret",
            "gha-runner-scale-set-github",
            _ => CoreFixtures.Secret(Arc, "gha-runner-scale-set-github", "token"),
            $"Secret/{Arc}/gha-runner-scale-set-github"
        );

        (result.State, result.Reason).Should().Be((CheckState.Fail, "lacks github_token (has keys token)"));
        result.Reason.Should().NotContain("not-a-real-value");
    }

    [Fact]
    public void A_secret_with_the_three_github_app_keys_satisfies_arc_but_a_token_beside_them_does_not()
    {
        var expected = SmokeScenario.Expected() with
        {
            Secrets = [new ExpectedSecret(Arc, "app", [], ArcCredentials: true)],
        };
        var app = CoreFixtures.Secret(
            Arc,
            "app",
            "github_app_id",
            "github_app_installation_id",
            "github_app_private_key"
        );
        var both = CoreFixtures.Secret(
            Arc,
            "app",
            "github_app_id",
            "github_app_installation_id",
            "github_app_private_key",
            "github_token"
        );

        var appResult = HealthRules
            .Evaluate(expected, SmokeScenario.Snapshot([app]))
            .Single(r => r.Name == CheckNames.Secret);
        var bothResult = HealthRules
            .Evaluate(expected, SmokeScenario.Snapshot([both]))
            .Single(r => r.Name == CheckNames.Secret);

        appResult.State.Should().Be(CheckState.Pass);
        bothResult.State.Should().Be(CheckState.Fail);
    }

    [Fact]
    public void A_listener_pod_that_is_not_running_is_pending_with_its_waiting_reason()
    {
        var result = Single(
            Evaluate(SmokeScenario.WithListenerPullingItsImage()),
            $"Pod/{Arc}/{SmokeScenario.Listener}"
        );

        (result.State, result.Reason)
            .Should()
            .Be((CheckState.Pending, "Pending (ImagePullBackOff: Back-off pulling image)"));
    }

    [Fact]
    public void A_scale_set_whose_minor_version_differs_from_the_controllers_fails()
    {
        var result = ScaleSetCheckAfter(a => a.Label("app.kubernetes.io/version", "0.13.1"), CheckNames.ArcVersion);

        result.State.Should().Be(CheckState.Fail);
        result.Reason.Should().StartWith("scale set 0.13.1 but controller 0.14.2");
    }

    [Fact]
    public void A_patch_difference_between_scale_set_and_controller_is_allowed()
    {
        var result = ScaleSetCheckAfter(a => a.Label("app.kubernetes.io/version", "0.14.0"), CheckNames.ArcVersion);

        result.State.Should().Be(CheckState.Pass);
    }

    [Fact]
    public void A_scale_set_without_a_scale_set_id_has_not_registered_with_github_and_is_pending()
    {
        var result = ScaleSetCheckAfter(
            _ => ArcFixtures.ScaleSet(Arc, SmokeScenario.ScaleSet, "0.14.2", 0, scaleSetId: null),
            CheckNames.ScaleSet
        );

        result.State.Should().Be(CheckState.Pending);
        result.Reason.Should().Contain("no runner-scale-set-id annotation");
    }

    [Fact]
    public void An_outdated_scale_set_and_a_failed_runner_fail()
    {
        var objects = SmokeScenario
            .HealthyObjects()
            .With("AutoscalingRunnerSet", SmokeScenario.ScaleSet, a => a.Set("status.phase", "Outdated"))
            .With(
                "EphemeralRunner",
                $"{SmokeScenario.ScaleSet}-6d4pr-runner-x7k2p",
                _ =>
                    ArcFixtures.EphemeralRunner(
                        Arc,
                        SmokeScenario.ScaleSet,
                        "x7k2p",
                        "Failed",
                        "InvalidPod",
                        "pod has no runner container"
                    )
            );

        var results = Evaluate(objects);

        results.Single(r => r.Name == CheckNames.ScaleSet).State.Should().Be(CheckState.Fail);
        var runners = results.Single(r => r.Name == CheckNames.Runners);
        runners.State.Should().Be(CheckState.Fail);
        runners.Reason.Should().Contain("InvalidPod pod has no runner container");
    }

    [Fact]
    public void Fewer_runners_than_min_runners_is_pending()
    {
        var result = ScaleSetCheckAfter(a => a.Set("status.currentRunners", 0), CheckNames.Runners);

        result
            .Should()
            .Be(
                CheckResult.Pending(
                    CheckNames.Runners,
                    $"AutoscalingRunnerSet/{Arc}/{SmokeScenario.ScaleSet}",
                    "0 of minRunners 1 runner(s)"
                )
            );
    }

    [Fact]
    public void A_flux_crd_that_does_not_serve_the_version_the_repository_uses_fails()
    {
        var result = CheckAfter(
            "CustomResourceDefinition",
            "helmreleases.helm.toolkit.fluxcd.io",
            _ => CrdFixtures.Crd("helm.toolkit.fluxcd.io", "HelmRelease", "helmreleases", ["v2beta1", "v2beta2"]),
            "helmreleases.helm.toolkit.fluxcd.io"
        );

        result.State.Should().Be(CheckState.Fail);
        result.Reason.Should().Contain("serves [v2beta1, v2beta2] but the repository uses helm.toolkit.fluxcd.io/v2");
    }

    [Fact]
    public void A_flux_controller_without_available_replicas_is_pending_and_a_missing_one_fails()
    {
        var objects = SmokeScenario
            .HealthyObjects()
            .With(
                "Deployment",
                "helm-controller",
                _ =>
                    CoreFixtures.Deployment(
                        "flux-system",
                        "helm-controller",
                        "ghcr.io/fluxcd/helm-controller:v1.6.3",
                        available: 0
                    )
            )
            .Without("Deployment", "kustomize-controller");

        var results = Evaluate(objects);

        Single(results, "Deployment/flux-system/helm-controller").State.Should().Be(CheckState.Pending);
        Single(results, "Deployment/flux-system/kustomize-controller").State.Should().Be(CheckState.Fail);
    }

    [Fact]
    public void A_flux_object_the_repository_no_longer_defines_is_reported_once_its_kustomization_applied_the_commit()
    {
        var leftover = FluxFixtures
            .HelmRelease(Arc, "old-runners", "gha-runner-scale-set", "0.14.2")
            .Label("kustomize.toolkit.fluxcd.io/name", "gha-runner-scale-set");
        var applied = SmokeScenario.HealthyObjects();
        applied.Add(leftover);
        var stale = SmokeScenario
            .HealthyObjects()
            .With("Kustomization", "gha-runner-scale-set", k => k.Applied("2222222222222222222222222222222222222222"));
        stale.Add(leftover);

        var failing = Single(Evaluate(applied), $"HelmRelease/{Arc}/old-runners");
        var pending = Single(Evaluate(stale), $"HelmRelease/{Arc}/old-runners");

        failing.State.Should().Be(CheckState.Fail);
        failing
            .Reason.Should()
            .StartWith(
                "applied by Kustomization/flux-system/gha-runner-scale-set but no longer defined by the repository"
            );
        pending.State.Should().Be(CheckState.Pending);
    }
}
