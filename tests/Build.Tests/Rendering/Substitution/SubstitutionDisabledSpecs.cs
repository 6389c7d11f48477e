using GitOpsRunners.Rendering.Substitution;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Tests.Rendering.Substitution;

public class SubstitutionDisabledSpecs
{
    [Theory]
    [InlineData("metadata:\n  name: a\n  labels:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\n", true)]
    [InlineData("metadata:\n  name: a\n  annotations:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\n", true)]
    [InlineData(
        "metadata:\n  labels:\n    app: x\n  annotations:\n    kustomize.toolkit.fluxcd.io/substitute: \"disabled\"\n",
        true
    )]
    [InlineData("metadata:\n  labels:\n    kustomize.toolkit.fluxcd.io/substitute: Disabled\n", false)]
    [InlineData("metadata:\n  labels:\n    kustomize.toolkit.fluxcd.io/substitute: enabled\n", false)]
    [InlineData("metadata:\n  labels:\n    substitute: disabled\n", false)]
    [InlineData("metadata:\n  name: a\n", false)]
    [InlineData("metadata:\n  labels: [kustomize.toolkit.fluxcd.io/substitute]\n", false)]
    [InlineData("spec:\n  labels:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\n", false)]
    [InlineData("kind: ConfigMap\n", false)]
    public void Substitution_is_disabled_only_by_the_exact_label_or_annotation(string yaml, bool expected)
    {
        // Arrange
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var resource = (YamlMappingNode)stream.Documents[0].RootNode;

        // Act
        var disabled = PostBuildSubstituter.IsSubstitutionDisabled(resource);

        // Assert
        disabled.Should().Be(expected);
    }
}
