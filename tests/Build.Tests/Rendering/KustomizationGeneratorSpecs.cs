using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Tests.Rendering;

/// <summary>fluxcd/pkg <c>kustomize/kustomize_generator.go</c>, <c>Generator.GenerateManifest</c>, field by field.</summary>
public sealed class KustomizationGeneratorSpecs
{
    [Fact]
    public void A_generated_kustomization_lists_the_resources_and_carries_the_spec_fields()
    {
        // Arrange
        var kustomization = Spec(
            "patches:\n  - patch: '[]'\n    target: {kind: Deployment}\nimages:\n  - name: nginx\n    newTag: '2'\n"
        ) with
        {
            TargetNamespace = "t",
            NameSuffix = "-s",
        };

        // Act
        var generated = KustomizationGenerator.Generate(null, ["./a.yaml", "./sub"], kustomization, _ => true);

        // Assert
        var root = Parse(generated);
        root.ScalarAt("namespace").Should().Be("t");
        root.ScalarAt("nameSuffix").Should().Be("-s");
        root.ScalarAt("namePrefix").Should().BeNull();
        Scalars(root, "resources").Should().Equal("./a.yaml", "./sub");
        root.SequenceAt("patches")![0].ScalarAt("target", "kind").Should().Be("Deployment");
        root.SequenceAt("images")![0].ScalarAt("newTag").Should().Be("2");
        Scalars(root, "buildMetadata").Should().Equal("originAnnotations");
        generated.KeepsOriginAnnotations.Should().BeFalse();
    }

    [Fact]
    public void A_folder_without_manifests_gets_the_placeholder_namespace_flux_writes()
    {
        // Act
        var generated = KustomizationGenerator.Generate(null, [], Spec(""), _ => true);

        // Assert
        Parse(generated).ScalarAt("namespace").Should().Be("_placeholder");
        Parse(generated).SequenceAt("resources").Should().BeNull();
    }

    [Fact]
    public void Patches_and_components_are_appended_after_the_folders_own_and_prefixes_replace_them()
    {
        // Arrange
        const string own =
            "resources: [a.yaml]\nnamePrefix: own-\nnamespace: own\npatches:\n  - path: own-patch.yaml\ncomponents: [../own]\n";
        var kustomization = Spec("patches:\n  - patch: flux\n    target: {name: a, path: dropped}\n") with
        {
            NamePrefix = "flux-",
            Components = ["../flux"],
        };

        // Act
        var root = Parse(KustomizationGenerator.Generate(own, [], kustomization, _ => true));

        // Assert
        root.ScalarAt("namePrefix").Should().Be("flux-");
        root.ScalarAt("namespace").Should().Be("own");
        root.SequenceAt("patches")!
            .Children.Select(p => p.ScalarAt("path") ?? p.ScalarAt("patch"))
            .Should()
            .Equal("own-patch.yaml", "flux");
        root.SequenceAt("patches")![1]
            .MappingAt("target")!
            .Children.Keys.Select(k => k.ToString())
            .Should()
            .Equal("name");
        Scalars(root, "components").Should().Equal("../own", "../flux");
    }

    [Theory]
    [InlineData("newName: registry.example.com/app", "registry.example.com/app", "v1", null)]
    [InlineData("newTag: v2", null, "v2", null)]
    [InlineData("digest: sha256:abc", null, null, "sha256:abc")]
    [InlineData("{}", null, "v1", null)]
    public void An_image_the_folder_already_sets_is_merged_field_by_field(
        string flux,
        string? newName,
        string? newTag,
        string? digest
    )
    {
        // Arrange
        var kustomization = Spec($"images:\n  - name: app\n    {flux.Trim('{', '}')}\n");

        // Act
        var root = Parse(
            KustomizationGenerator.Generate(
                "resources: [a.yaml]\nimages:\n  - name: app\n    newTag: v1\n",
                [],
                kustomization,
                _ => true
            )
        );

        // Assert
        var image = root.SequenceAt("images")!.Children.Should().ContainSingle().Subject;
        image.ScalarAt("newName").Should().Be(newName);
        image.ScalarAt("newTag").Should().Be(newTag);
        image.ScalarAt("digest").Should().Be(digest);
    }

    [Fact]
    public void An_existing_kustomization_without_resources_keeps_origin_annotations_as_flux_sets_them()
    {
        // Act
        var generated = KustomizationGenerator.Generate("components: [../c]\n", [], Spec(""), _ => true);

        // Assert
        generated.KeepsOriginAnnotations.Should().BeTrue();
    }

    [Theory]
    [InlineData("[originAnnotations]", "", true)]
    [InlineData("[managedByLabel]", "", false)]
    [InlineData("[originAnnotations]", "buildMetadata: [managedByLabel]\n", false)]
    [InlineData("[managedByLabel]", "buildMetadata: [originAnnotations]\n", true)]
    public void Build_metadata_from_the_spec_replaces_the_folders_own(string own, string spec, bool keeps)
    {
        // Act
        var generated = KustomizationGenerator.Generate(
            $"resources: [a.yaml]\nbuildMetadata: {own}\n",
            [],
            Spec(spec),
            _ => true
        );

        // Assert
        generated.KeepsOriginAnnotations.Should().Be(keeps);
        Scalars(Parse(generated), "buildMetadata").Should().Contain("originAnnotations");
    }

    [Fact]
    public void A_missing_component_is_skipped_only_when_flux_is_told_to_ignore_it()
    {
        // Arrange
        var kustomization = Spec("") with
        {
            Components = ["../here", "../gone"],
            IgnoreMissingComponents = true,
        };

        // Act
        var root = Parse(KustomizationGenerator.Generate(null, ["./a.yaml"], kustomization, c => c == "../here"));

        // Assert
        Scalars(root, "components").Should().Equal("../here");
    }

    [Theory]
    [InlineData("https://github.com/x/y//c")]
    [InlineData("/abs/component")]
    [InlineData("github.com/x/y")]
    public void A_remote_or_absolute_component_is_refused_as_flux_refuses_it(string component)
    {
        // Act
        var generated = KustomizationGenerator.Generate(
            null,
            [],
            Spec("") with
            {
                Components = [component],
            },
            _ => true
        );

        // Assert
        generated.Error.Should().Be($"component path '{component}' must be local and relative");
    }

    [Theory]
    [InlineData("./apps", "apps")]
    [InlineData("/apps/", "apps")]
    [InlineData("", "")]
    [InlineData("./", "")]
    [InlineData("../etc", "etc")]
    [InlineData("./a/../../b/./c", "b/c")]
    public void Spec_paths_are_joined_to_the_source_root_as_securejoin_does(string specPath, string expected)
    {
        // Act / Assert
        KustomizationRenderer.SecureJoin(specPath).Should().Be(expected);
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

    private static FluxKustomization Spec(string specYaml)
    {
        var spec = specYaml.Length == 0 ? null : YamlFileLoader.Parse(specYaml, "s.yaml").Documents[0].Root;
        return new FluxKustomization(
            "a",
            "ns",
            "./x",
            new SourceReference("GitRepository", "flux-system", "ns"),
            new SourceLocation("k.yaml", 1)
        )
        {
            Patches = spec.SequenceAt("patches"),
            Images = spec.SequenceAt("images"),
            BuildMetadata = (spec.SequenceAt("buildMetadata") ?? []).Select(n => n.ToString()).ToList(),
        };
    }

    private static YamlMappingNode Parse(GeneratedKustomization generated) =>
        YamlFileLoader.Parse(generated.Content, "kustomization.yaml").Documents[0].Root;

    private static List<string> Scalars(YamlMappingNode root, string key) =>
        (root.SequenceAt(key) ?? []).Select(n => n.ToString()).ToList();
}
