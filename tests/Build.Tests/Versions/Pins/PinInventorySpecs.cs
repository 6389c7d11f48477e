using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Tests.Versions.Pins;

public sealed class PinInventorySpecs : IDisposable
{
    private static readonly string Versions = ArcYaml.VersionsFile("tst");
    private const string Ks = ArcYaml.KustomizationFile;
    private const string App = ArcYaml.AppFile;

    private static readonly Dictionary<string, string> Variables = new()
    {
        ["ARC_CHART_VERSION"] = "0.14.2",
        ["RUNNER_IMAGE"] = "2.337.0@sha256:aaa",
        ["RUNNER_MIN_RUNNERS"] = "1",
        ["ESO_CHART_VERSION"] = "2.8.0",
    };

    private readonly TempDirectory _root = new();
    private readonly SourceTree _tree;

    public PinInventorySpecs()
    {
        _tree = new SourceTree(_root, "tst")
            .Add(
                Versions,
                ArcYaml.FirstStageVersionsHeader
                    + """
                      # renovate: datasource=docker depName=ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set
                      ARC_CHART_VERSION: "0.14.2"
                      RUNNER_IMAGE: "2.337.0@sha256:aaa"
                    """,
                "flux-system/apps"
            )
            .Add(
                ArcYaml.SettingsFile("tst"),
                ConfigMapYaml.Of("cluster-settings", "RUNNER_MIN_RUNNERS: \"1\""),
                "flux-system/apps"
            )
            .Add(
                Ks,
                "---\n"
                    + ArcYaml.Kustomization(
                        PostBuildYaml.Of([new("ESO_CHART_VERSION", "2.8.0")], "cluster-settings", "cluster-versions")
                    ),
                "flux-system/apps"
            )
            .Add(
                App,
                ArcYaml.ScaleSetRelease(
                    $$"""
                    minRunners: ${RUNNER_MIN_RUNNERS}
                    {{ArcYaml.RunnerTemplateValues}}
                    sidecar:
                      image:
                        repository: example/sidecar
                        tag: v1.0.0
                    """
                )
                    + """
                    ---
                    apiVersion: source.toolkit.fluxcd.io/v1
                    kind: HelmRepository
                    metadata:
                      name: external-secrets
                      namespace: arc
                    spec:
                      url: https://charts.external-secrets.io
                    ---
                    apiVersion: helm.toolkit.fluxcd.io/v2
                    kind: HelmRelease
                    metadata:
                      name: external-secrets
                      namespace: arc
                    spec:
                      chart:
                        spec:
                          chart: external-secrets
                          version: "${ESO_CHART_VERSION}"
                          sourceRef:
                            kind: HelmRepository
                            name: external-secrets
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: tool
                      namespace: arc
                    spec:
                      template:
                        spec:
                          containers:
                            - name: tool
                              image: ghcr.io/x/tool:1.2.3@sha256:bbb # pinned by hand
                    """,
                "flux-system/arc",
                Variables
            );
    }

    public void Dispose() => _root.Dispose();

    private async Task<IReadOnlyList<VersionPin>> FindAsync() =>
        PinInventory.Find(
            _tree.Cluster,
            await new PinSourceReader(_root.Path).ReadAsync(_tree.Cluster, CancellationToken.None)
        );

    [Fact(Timeout = 10_000)]
    public async Task A_chart_tag_set_through_a_variable_is_traced_to_the_ConfigMap_line()
    {
        // Act
        var pins = await FindAsync();

        // Assert
        var controller = pins.Single(p => p.Component == "gha-runner-scale-set-controller");
        controller.Kind.Should().Be(PinKind.HelmChartOci);
        controller
            .Source.Should()
            .Be("oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller");
        controller.CurrentVersion.Should().Be("0.14.2");
        controller.Variable.Should().Be("ARC_CHART_VERSION");
        controller.Group.Should().Be("arc");
        controller.SetAt.Should().Be(new SourceLocation(Versions, _tree.LineOf(Versions, "ARC_CHART_VERSION:"), 22));
        controller.Field.Should().Be("OCIRepository/gha-runner-scale-set-controller#spec.ref.tag");
        pins.Single(p => p.Component == "gha-runner-scale-set").Site.Should().Be(controller.Site);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_runner_image_pin_records_tag_and_digest_together_at_the_variable()
    {
        // Act
        var pins = await FindAsync();

        // Assert
        var runner = pins.Single(p => p.Component == "ghcr.io/home-operations/actions-runner");
        runner.Kind.Should().Be(PinKind.ContainerImage);
        runner.Group.Should().BeNull();
        (runner.CurrentVersion, runner.CurrentDigest).Should().Be(("2.337.0", "sha256:aaa"));
        runner.DigestInSite.Should().BeTrue();
        runner.Site!.Text.Should().Be("2.337.0@sha256:aaa");
        runner.SetAt.Line.Should().Be(_tree.LineOf(Versions, "RUNNER_IMAGE:"));
        runner.Field.Should().Be("HelmRelease/gha-runner-scale-set#spec.values.template.spec.containers[0].image");
    }

    [Fact(Timeout = 10_000)]
    public async Task An_inline_substitute_value_and_literal_fields_are_traced_to_their_own_lines()
    {
        // Act
        var pins = await FindAsync();

        // Assert
        var eso = pins.Single(p => p.Component == "external-secrets");
        (eso.Kind, eso.Source, eso.CurrentVersion)
            .Should()
            .Be((PinKind.HelmChartHttp, "https://charts.external-secrets.io", "2.8.0"));
        eso.SetAt.File.Should().Be(Ks);
        eso.SetAt.Line.Should().Be(_tree.LineOf(Ks, "ESO_CHART_VERSION:"));
        var tool = pins.Single(p => p.Component == "ghcr.io/x/tool");
        (tool.SetAt.File, tool.SetAt.Line, tool.Variable, tool.Site!.Text)
            .Should()
            .Be((App, _tree.LineOf(App, "image: ghcr.io/x/tool"), null, "1.2.3@sha256:bbb"));
        var sidecar = pins.Single(p => p.Component == "example/sidecar");
        (sidecar.CurrentVersion, sidecar.SetAt.Line).Should().Be(("v1.0.0", _tree.LineOf(App, "tag: v1.0.0")));
    }

    [Fact(Timeout = 10_000)]
    public async Task Settings_are_not_pins_and_every_pin_is_found_once()
    {
        // Act
        var pins = await FindAsync();

        // Assert
        pins.Select(p => p.Component)
            .Should()
            .BeEquivalentTo([
                "gha-runner-scale-set-controller",
                "gha-runner-scale-set",
                "ghcr.io/home-operations/actions-runner",
                "example/sidecar",
                "external-secrets",
                "ghcr.io/x/tool",
            ]);
        pins.Should().NotContain(p => p.Variable == "RUNNER_MIN_RUNNERS");
    }

    [Fact]
    public void Without_source_files_pins_are_still_found_at_their_objects_but_have_no_site()
    {
        // Act
        var pins = PinInventory.Find(_tree.Cluster, PinSources.Empty);

        // Assert
        var controller = pins.Single(p => p.Component == "gha-runner-scale-set-controller");
        controller.Site.Should().BeNull();
        controller.SetAt.Should().Be(new SourceLocation(App, 2));
        controller.CurrentVersion.Should().Be("0.14.2");
    }

    [Fact]
    public void Git_tags_Kustomization_images_and_an_OCI_tag_with_its_digest_field_are_pins()
    {
        // Arrange
        using var root = new TempDirectory();
        const string file = "kubernetes/infrastructure/sources.yaml";
        var yaml = string.Join(
            "---\n",
            ManifestYaml.Of(
                "source.toolkit.fluxcd.io/v1",
                "GitRepository",
                "policies",
                "url: https://github.com/example/policies.git\nref:\n  tag: v1.4.0"
            ),
            ManifestYaml.Of(
                "kustomize.toolkit.fluxcd.io/v1",
                "Kustomization",
                "tools",
                """
                images:
                  - name: busybox
                    newName: ghcr.io/example/busybox
                    newTag: 1.36.1
                    digest: sha256:ddd
                """
            ),
            ManifestYaml.Of(
                "source.toolkit.fluxcd.io/v1",
                "OCIRepository",
                "manifests",
                "url: oci://ghcr.io/example/manifests\nref:\n  tag: 2.0.0\n  digest: sha256:eee"
            )
        );
        var tree = new SourceTree(root, "tst").Add(file, yaml, "flux-system/flux-system");
        var sources = new PinSources(new Dictionary<string, string> { [file] = File.ReadAllText(root.Combine(file)) });

        // Act
        var pins = PinInventory.Find(tree.Cluster, sources);

        // Assert
        var git = pins.Single(p => p.Kind == PinKind.GitTag);
        (git.Component, git.Source, git.CurrentVersion, git.SetAt.Line)
            .Should()
            .Be(
                (
                    "github.com/example/policies",
                    "https://github.com/example/policies.git",
                    "v1.4.0",
                    tree.LineOf(file, "tag: v1.4.0")
                )
            );
        var busybox = pins.Single(p => p.Component == "ghcr.io/example/busybox");
        (busybox.CurrentVersion, busybox.CurrentDigest, busybox.DigestInSite, busybox.DigestSite!.Location.Line)
            .Should()
            .Be(("1.36.1", "sha256:ddd", false, tree.LineOf(file, "digest: sha256:ddd")));
        var manifests = pins.Single(p => p.Component == "manifests");
        (manifests.Kind, manifests.CurrentVersion, manifests.CurrentDigest)
            .Should()
            .Be((PinKind.ContainerImage, "2.0.0", "sha256:eee"));
        (manifests.Site!.Location.Line, manifests.DigestSite!.Location.Line)
            .Should()
            .Be((tree.LineOf(file, "tag: 2.0.0"), tree.LineOf(file, "digest: sha256:eee")));
    }
}
