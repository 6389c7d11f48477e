namespace GitOpsRunners.Tests.Rendering.Conformance;

/// <summary>
/// <c>config.kubernetes.io/origin</c> stays on the objects exactly when the kustomization Flux builds asks for it:
/// the folder's own <c>buildMetadata</c>, <c>spec.buildMetadata</c> (which replaces it), or the
/// <c>[originAnnotations]</c> that <c>Generator.GenerateManifest</c> sets on an existing file without resources.
/// </summary>
public sealed class BuildMetadataConformanceSpecs
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n";

    [Theory(Timeout = 120_000)]
    [InlineData("resources: [cm.yaml]\nbuildMetadata: [originAnnotations]\n", "", true)]
    [InlineData("resources: [cm.yaml]\n", "", false)]
    [InlineData("resources: [cm.yaml]\n", "buildMetadata: [originAnnotations]\n", true)]
    [InlineData(
        "resources: [cm.yaml]\nbuildMetadata: [originAnnotations]\n",
        "buildMetadata: [managedByLabel]\n",
        false
    )]
    [InlineData("components: [../component]\n", "", true)]
    public async Task The_origin_annotation_stays_when_the_built_kustomization_asks_for_it(
        string own,
        string spec,
        bool kept
    )
    {
        // Arrange
        using var tree = new ConformanceTree()
            .Write("apps/a/cm.yaml", ConfigMap)
            .Write("apps/a/kustomization.yaml", own)
            .Write(
                "apps/component/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [../a/cm.yaml]\n"
            )
            .Kustomization("a", "./apps/a", spec);

        // Act
        var rendered = await tree.RenderAsync();

        // Assert
        var applied = ConformanceTree.Applied(rendered, "a").Should().ContainSingle().Subject;
        if (kept)
        {
            applied.Should().Contain("config.kubernetes.io/origin");
        }
        else
        {
            applied.Should().NotContain("config.kubernetes.io/origin");
        }
    }
}
