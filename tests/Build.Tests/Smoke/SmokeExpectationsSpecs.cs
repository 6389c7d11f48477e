using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Smoke;

public class SmokeExpectationsSpecs
{
    private readonly SmokeExpectations _expected = SmokeScenario.Expected();

    [Fact]
    public void Kustomizations_sourced_from_the_bootstrap_repository_must_apply_the_expected_revision()
    {
        _expected
            .Kustomizations.Select(k => (k.Key.Id, k.TracksRevision))
            .Should()
            .Equal(("Kustomization/flux-system/apps", true), ("Kustomization/flux-system/gha-runner-scale-set", true));
        _expected.Revision.Should().Be(SmokeScenario.Commit);
    }

    [Fact]
    public void A_chart_ref_takes_its_version_from_the_oci_repository_tag_and_a_chart_spec_from_its_version()
    {
        _expected
            .HelmReleases.Select(h => (h.Key.Id, h.ChartName, h.ChartVersion))
            .Should()
            .BeEquivalentTo(
                new[]
                {
                    (
                        "HelmRelease/actions-runner-system/gha-runner-scale-set-controller",
                        (string?)"gha-runner-scale-set-controller",
                        (string?)"0.14.2"
                    ),
                    ("HelmRelease/actions-runner-system/gha-runner-scale-set", "gha-runner-scale-set", "0.14.2"),
                    ("HelmRelease/external-secrets/external-secrets", "external-secrets", "2.9.0"),
                }
            );
    }

    [Fact]
    public void The_bootstrap_git_repository_is_expected_although_the_repository_does_not_define_it()
    {
        _expected
            .Sources.Select(s => s.Key.Id)
            .Should()
            .BeEquivalentTo(
                "GitRepository/flux-system/flux-system",
                "OCIRepository/actions-runner-system/gha-runner-scale-set-controller",
                "OCIRepository/actions-runner-system/gha-runner-scale-set",
                "HelmRepository/external-secrets/external-secrets"
            );
        _expected.Sources.Single(s => s.Key.Name == "flux-system").Location.Should().BeNull();
    }

    [Fact]
    public void The_scale_set_is_named_by_runner_scale_set_name_and_keeps_min_runners_and_the_controller_namespace()
    {
        var scaleSet = _expected.ScaleSets.Should().ContainSingle().Subject;

        scaleSet
            .Should()
            .BeEquivalentTo(
                new
                {
                    Namespace = "actions-runner-system",
                    Name = "arc-runners-tst",
                    MinRunners = 1,
                    ChartVersion = "0.14.2",
                    ControllerNamespace = "actions-runner-system",
                }
            );
    }

    [Fact]
    public void The_controller_deployment_is_named_after_the_release_like_the_chart_does()
    {
        _expected
            .ArcControllers.Should()
            .ContainSingle()
            .Which.Should()
            .BeEquivalentTo(
                new { Namespace = "actions-runner-system", DeploymentName = SmokeScenario.ControllerDeployment }
            );
    }

    [Fact]
    public void The_runner_secret_needs_the_external_secret_keys_and_the_arc_credentials()
    {
        var secret = _expected.Secrets.Should().ContainSingle().Subject;

        secret
            .Should()
            .BeEquivalentTo(
                new
                {
                    Namespace = "actions-runner-system",
                    Name = "gha-runner-scale-set-github",
                    ArcCredentials = true,
                }
            );
        secret.Keys.Should().Equal("github_token");
        secret.ProducedBy!.Id.Should().Be("ExternalSecret/actions-runner-system/gha-runner-scale-set-github");
    }

    [Fact]
    public void Flux_crds_and_controllers_follow_the_api_versions_the_repository_uses()
    {
        _expected
            .Crds.Select(c => $"{c.Name}/{c.Version}")
            .Should()
            .Equal(
                "helmreleases.helm.toolkit.fluxcd.io/v2",
                "helmrepositories.source.toolkit.fluxcd.io/v1",
                "kustomizations.kustomize.toolkit.fluxcd.io/v1",
                "ocirepositories.source.toolkit.fluxcd.io/v1"
            );
        _expected.FluxControllers.Should().Equal("helm-controller", "kustomize-controller", "source-controller");
        _expected.ClusterSecretStores.Select(s => s.Key.Id).Should().Equal("ClusterSecretStore/azurekv");
    }

    [Fact]
    public void A_semver_range_or_an_unsubstituted_variable_pins_no_exact_chart_version()
    {
        var rendered = RenderedClusters.FromYaml(
            "c",
            PodinfoRelease("ranged", ">=6.0.0 <7.0.0") + "---\n" + PodinfoRelease("unresolved", "${PODINFO_VERSION}")
        );

        var expected = SmokeExpectations.From(rendered, null);

        expected.HelmReleases.Select(h => h.ChartVersion).Should().Equal(null, null);
        expected.Sources.Select(s => s.Key.Id).Should().Equal("HelmRepository/apps/podinfo");
        expected.Revision.Should().BeNull();
    }

    [Fact]
    public void Without_runner_scale_set_name_the_scale_set_takes_the_release_name_and_min_runners_defaults_to_zero()
    {
        var rendered = RenderedClusters.FromYaml(
            "c",
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: linux_x64, namespace: runners}
            spec:
              chart: {spec: {chart: gha-runner-scale-set, version: "0.14.2", sourceRef: {kind: HelmRepository, name: arc}}}
              values: {githubConfigSecret: {github_token: inline}}
            """
        );

        var scaleSet = SmokeExpectations.From(rendered, "abc").ScaleSets.Single();

        scaleSet.Name.Should().Be("linux-x64");
        scaleSet.MinRunners.Should().Be(0);
        scaleSet.ControllerNamespace.Should().BeNull();
        SmokeExpectations.From(rendered, "abc").Secrets.Single().Name.Should().Be("linux-x64-gha-rs-github-secret");
    }

    [Fact]
    public void A_kustomization_from_a_git_repository_the_repository_defines_does_not_track_this_commit()
    {
        var rendered = RenderedClusters.FromYaml(
            "c",
            FluxYaml.Kustomization("other", "./", source: "other-repo")
                + """
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata: {name: other-repo, namespace: flux-system}
                spec: {url: https://github.com/example/other}
                """
        );

        SmokeExpectations.From(rendered, "abc").Kustomizations.Single().TracksRevision.Should().BeFalse();
    }

    /// <summary>A HelmRelease in <c>apps</c> of the podinfo chart at <paramref name="version"/>, as written (a range or a variable too).</summary>
    private static string PodinfoRelease(string name, string version) =>
        $$$"""
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: {{{name}}}, namespace: apps}
            spec:
              chart:
                spec: {chart: podinfo, version: "{{{version}}}", sourceRef: {kind: HelmRepository, name: podinfo}}

            """;
}
