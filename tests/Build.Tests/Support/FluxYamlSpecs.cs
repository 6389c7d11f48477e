using GitOpsRunners.Manifests;

namespace GitOpsRunners.Tests.Support;

public sealed class FluxYamlSpecs
{
    [Fact]
    public void A_kustomization_carries_the_extra_spec_lines_under_spec()
    {
        var manifest = YamlManifests.Parse(
            FluxYaml.Kustomization("apps", "./kubernetes/apps", "postBuild:\n  substitute:\n    A: b\n"),
            "apps.yaml"
        );

        manifest.Kind.Should().Be("Kustomization");
        manifest.Namespace.Should().Be("flux-system");
        manifest.Body.ScalarAt("spec", "path").Should().Be("./kubernetes/apps");
        manifest.Body.ScalarAt("spec", "sourceRef", "name").Should().Be("flux-system");
        manifest.Body.ScalarAt("spec", "postBuild", "substitute", "A").Should().Be("b");
    }
}
