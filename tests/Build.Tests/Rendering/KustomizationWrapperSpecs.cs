using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Tests.Rendering;

public sealed class KustomizationWrapperSpecs
{
    [Fact]
    public void The_spec_fields_are_overlaid_and_origin_annotations_are_always_requested()
    {
        // Arrange
        var spec = YamlFileLoader
            .Parse(
                "patches:\n  - patch: '[]'\n    target: {kind: Deployment}\nimages:\n  - name: nginx\n    newTag: '2'\n",
                "s.yaml"
            )
            .Documents[0]
            .Root;
        var kustomization = new FluxKustomization(
            "a",
            "ns",
            "./x",
            new SourceReference("GitRepository", "flux-system", "ns"),
            new SourceLocation("k.yaml", 1)
        )
        {
            TargetNamespace = "t",
            NameSuffix = "-s",
            Patches = spec.SequenceAt("patches"),
            Images = spec.SequenceAt("images"),
        };

        // Act
        var wrapper = YamlFileLoader
            .Parse(KustomizationWrapper.Create(kustomization, ["../r/x"], ["../r/c"]), "w.yaml")
            .Documents[0]
            .Root;

        // Assert
        wrapper.ScalarAt("namespace").Should().Be("t");
        wrapper.ScalarAt("nameSuffix").Should().Be("-s");
        wrapper.ScalarAt("namePrefix").Should().BeNull();
        wrapper.SequenceAt("resources")!.Children.Should().ContainSingle().Which.ToString().Should().Be("../r/x");
        wrapper.SequenceAt("components")!.Children.Should().ContainSingle();
        wrapper.SequenceAt("patches")![0].ScalarAt("target", "kind").Should().Be("Deployment");
        wrapper.SequenceAt("images")![0].ScalarAt("newTag").Should().Be("2");
        wrapper.SequenceAt("buildMetadata")!.Children.Select(c => c.ToString()).Should().Equal("originAnnotations");
    }

    [Theory]
    [InlineData("https://github.com/Owner/Repo.git", "git@github.com:owner/repo")]
    [InlineData("ssh://git@github.com/owner/repo", "https://github.com/owner/repo/")]
    public void Git_urls_in_different_notations_name_the_same_repository(string a, string b)
    {
        // Act / Assert
        GitUrl.Same(a, b).Should().BeTrue();
        GitUrl.Same(a, "https://github.com/owner/other").Should().BeFalse();
    }

    [Theory]
    [InlineData("./apps", "apps")]
    [InlineData("/apps/", "apps")]
    [InlineData("", "")]
    [InlineData("./", "")]
    public void Spec_paths_are_relative_to_the_source_root(string specPath, string expected)
    {
        // Act
        var directory = KustomizationRenderer.TargetDirectory("/repo", specPath);

        // Assert
        directory.Should().Be(Path.GetFullPath(Path.Combine("/repo", expected)));
    }

    [Fact]
    public void A_spec_path_escaping_the_source_is_refused()
    {
        // Act / Assert
        KustomizationRenderer.TargetDirectory("/repo", "../etc").Should().BeNull();
    }
}
