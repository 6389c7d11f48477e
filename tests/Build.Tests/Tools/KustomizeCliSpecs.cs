using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Tests.Tools;

public sealed class KustomizeCliSpecs
{
    [Fact(Timeout = 30_000)]
    public async Task A_kustomization_with_a_relative_base_outside_its_folder_builds_with_origin_annotations()
    {
        // Arrange
        using var tree = new TempDirectory();
        tree.Write("repo/base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n");
        tree.Write("repo/base/kustomization.yaml", "resources: [cm.yaml]\n");
        tree.Write(
            "repo/app/kustomization.yaml",
            "resources: [../base]\nnamespace: target\nnamePrefix: p-\nbuildMetadata: [originAnnotations]\n"
        );

        // Act
        var output = await KustomizeCli.Locate().BuildAsync(tree.Combine("repo/app"), CancellationToken.None);

        // Assert
        output.Should().Contain("name: p-cm").And.Contain("namespace: target").And.Contain("path: ../base/cm.yaml");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failing_build_raises_a_build_exception_with_kustomizes_reason_on_one_line()
    {
        // Arrange
        using var tree = new TempDirectory();
        tree.Write("k/kustomization.yaml", "resources: [missing.yaml]\n");

        // Act
        var act = () => KustomizeCli.Locate().BuildAsync(tree.Combine("k"), CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<KustomizeBuildException>()).Which;
        error
            .Problem.Should()
            .StartWith("accumulating resources from 'missing.yaml'")
            .And.NotContain("\n")
            .And.NotContain("run.go");
        error.Directory.Should().Be(tree.Combine("k"));
    }

    [Fact]
    public void Without_kustomize_or_kubectl_on_path_the_error_says_how_to_install_one()
    {
        // Act
        var act = () => KustomizeCli.Locate("/nonexistent-bin");

        // Assert
        act.Should().Throw<ToolMissingException>().WithMessage("*kustomize*Install*kubectl*");
    }

    [Theory]
    [InlineData(
        "E1126 13:15:13.733977   10168 run.go:72] \"command failed\" err=\"accumulating resources: accumulation err='accumulating resources from 'a.yaml': missing Resource metadata': must build at directory: 'a.yaml': file is not directory\"",
        "accumulating resources from 'a.yaml': missing Resource metadata"
    )]
    [InlineData("Error: json: unknown field \"resourcez\"\n", "json: unknown field \"resourcez\"")]
    [InlineData("", "kustomize failed without an error message")]
    public void The_useful_line_is_taken_from_kustomizes_stderr(string standardError, string expected)
    {
        // Act / Assert
        KustomizeCli.UsefulLine(standardError).Should().Be(expected);
    }
}
