using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Tests.Rendering.Conformance;

/// <summary>
/// Flux Kustomization fields land in the folder's own kustomization, as fluxcd/pkg
/// <c>kustomize/kustomize_generator.go</c> <c>Generator.GenerateManifest</c> writes it before kustomize-controller
/// builds: each case compares the render with real kustomize run on the file that function produces (spelled
/// out in the test), and names what a kustomization layered on top would have got wrong.
/// </summary>
public sealed class KustomizationFieldsConformanceSpecs
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: ghcr.io/example/web:1.0

        """;

    private const string ReplicasPatch = """
        patches:
          - target: {kind: Deployment, labelSelector: tier=web}
            patch: '[{"op":"replace","path":"/spec/replicas","value":5}]'
          - target: {kind: Deployment, namespace: apps}
            patch: '[{"op":"add","path":"/spec/paused","value":true}]'
        """;

    [Fact(Timeout = 120_000)]
    public async Task A_spec_patch_runs_before_the_labels_and_namespace_the_folder_sets_so_it_does_not_select_them()
    {
        // Arrange: GenerateManifest appends spec.patches to kus.Patches of the folder's own file; kustomize runs
        // a kustomization's patches before its namespace and labels transformers.
        using var tree = new ConformanceTree();

        // Act
        var (rendered, web) = await AppliedWebAsync(
            tree,
            "resources: [deployment.yaml]\nnamespace: apps\nlabels:\n  - pairs: {tier: web}\n",
            ReplicasPatch,
            """
            resources: [deployment.yaml]
            namespace: apps
            labels:
              - pairs: {tier: web}
            patches:
              - target: {kind: Deployment, labelSelector: tier=web}
                patch: '[{"op":"replace","path":"/spec/replicas","value":5}]'
              - target: {kind: Deployment, namespace: apps}
                patch: '[{"op":"add","path":"/spec/paused","value":true}]'

            """
        );

        // Assert
        rendered.Findings.Should().NotContain(f => f.Severity == Severity.Error);
        web.Should().Contain("replicas: 1").And.NotContain("paused");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_spec_component_runs_before_the_folders_own_patches_so_the_folders_patch_wins()
    {
        // Arrange: GenerateManifest appends spec.components to kus.Components; kustomize applies components while
        // accumulating resources, before the kustomization's own patches.
        using var tree = new ConformanceTree().Write(
            "apps/scale/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - target: {kind: Deployment}\n    patch: '[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]'\n"
        );

        // Act
        var (_, web) = await AppliedWebAsync(
            tree,
            "resources: [deployment.yaml]\npatches:\n  - target: {kind: Deployment}\n    patch: '[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]'\n",
            "components: [../scale]\n",
            """
            resources: [deployment.yaml]
            patches:
              - target: {kind: Deployment}
                patch: '[{"op":"replace","path":"/spec/replicas","value":2}]'
            components: [../scale]

            """
        );

        // Assert
        web.Should().Contain("replicas: 2");
    }

    [Fact(Timeout = 120_000)]
    public async Task An_image_the_folder_already_sets_is_merged_by_name_and_a_spec_prefix_replaces_the_folders()
    {
        // Arrange: GenerateManifest merges spec.images into the entry with the same name (newName kept, newTag and
        // digest replaced together) and sets kus.NamePrefix, replacing the folder's.
        using var tree = new ConformanceTree();

        // Act
        var (_, web) = await AppliedWebAsync(
            tree,
            "resources: [deployment.yaml]\nnamePrefix: own-\nimages:\n  - name: ghcr.io/example/web\n    newName: mirror.example.com/web\n    newTag: '1.1'\n",
            "namePrefix: flux-\nimages:\n  - name: ghcr.io/example/web\n    newTag: '2.0'\n",
            """
            resources: [deployment.yaml]
            namePrefix: flux-
            images:
              - name: ghcr.io/example/web
                newName: mirror.example.com/web
                newTag: '2.0'

            """
        );

        // Assert
        web.Should().Contain("name: flux-web").And.Contain("image: mirror.example.com/web:2.0");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_folder_without_a_kustomization_gets_the_one_flux_generates_with_the_spec_fields()
    {
        // Arrange: findOrGenerateKustomization lists every manifest below spec.path as ./relative paths (a sub-folder
        // with its own kustomization as one entry), then GenerateManifest applies targetNamespace and nameSuffix.
        using var tree = new ConformanceTree()
            .Write("apps/plain/web.yaml", Deployment)
            .Write("apps/plain/nested/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nested\n")
            .Write("apps/plain/base/kustomization.yaml", "resources: [cm.yaml]\n")
            .Write("apps/plain/base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: based\n")
            .Write("apps/plain/base/ignored.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: not-listed\n")
            .Kustomization("plain", "./apps/plain", "targetNamespace: team\nnameSuffix: -x\n");

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        var expected = await tree.KustomizeAsync(
            "apps/plain",
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources: [./base, ./nested/cm.yaml, ./web.yaml]
            namespace: team
            nameSuffix: -x

            """
        );
        ConformanceTree.Applied(rendered, "plain").Should().Equal(expected);
        rendered
            .Objects.Select(o => o.Manifest.Name)
            .Should()
            .NotContain(n => n.StartsWith("not-listed", StringComparison.Ordinal));
    }

    /// <summary>
    /// Renders a Flux Kustomization <c>web</c> with <paramref name="spec"/> of <c>apps/web</c> in <paramref name="tree"/>
    /// (the <see cref="Deployment"/> and <paramref name="folder"/> as the folder's own kustomization), asserts it applies exactly
    /// what real kustomize builds from <paramref name="generated"/> (the file Flux writes there), and returns the
    /// render with that one object.
    /// </summary>
    private static async Task<(RenderedCluster Rendered, string Web)> AppliedWebAsync(
        ConformanceTree tree,
        string folder,
        string spec,
        string generated
    )
    {
        tree.Write("apps/web/deployment.yaml", Deployment)
            .Write("apps/web/kustomization.yaml", folder)
            .Kustomization("web", "./apps/web", spec);
        var rendered = await tree.RenderAsync();
        var expected = await tree.KustomizeAsync("apps/web", generated);
        ConformanceTree.Applied(rendered, "web").Should().Equal(expected);
        return (rendered, expected.Should().ContainSingle().Subject);
    }
}
