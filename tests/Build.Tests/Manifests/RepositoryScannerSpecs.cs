using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Manifests;

public sealed class RepositoryScannerSpecs
{
    [Fact(Timeout = 30_000)]
    public async Task Every_object_is_found_and_non_kubernetes_files_are_left_out_quietly()
    {
        // Arrange
        using var repo = new TempDirectory();
        repo.Write(
            "kubernetes/apps/a.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n"
        );
        repo.Write("kubernetes/apps/kustomization.yaml", "resources: [a.yaml]\n");
        repo.Write("kubernetes/apps/values.yml", "replicaCount: 1\n");
        repo.Write(".github/workflows/ci.yaml", "on: [push]\n\tbroken: tab\n");
        repo.Write("charts/x/Chart.yaml", "name: x\n");
        repo.Write("charts/x/templates/t.yaml", "{{ if .Values.x }}\nkind: {{ .Values.kind }}\n");
        repo.Write("README.md", "# not yaml\n");

        // Act
        var scan = await new RepositoryScanner().ScanAsync(repo.Path, CancellationToken.None);

        // Assert
        scan.Manifests.Select(m => m.Name).Should().Equal("a", "b");
        scan.Manifests[1].Location.Should().Be(new SourceLocation("kubernetes/apps/a.yaml", 6, 1));
        scan.Findings.Should().BeEmpty();
        scan.Files.Should()
            .BeEquivalentTo(
                "kubernetes/apps/a.yaml",
                "kubernetes/apps/kustomization.yaml",
                "kubernetes/apps/values.yml"
            );
    }

    [Fact(Timeout = 30_000)]
    public async Task Broken_files_become_findings_and_the_rest_is_still_read()
    {
        // Arrange
        using var repo = new TempDirectory();
        repo.Write("k/bad.yaml", "a: [1\n");
        repo.Write("k/dup.yaml", "apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata:\n  name: d\n");
        repo.Write("k/nameless.yaml", "apiVersion: v1\nkind: ConfigMap\n");
        repo.Write("k/good.yml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n");

        // Act
        var scan = await new RepositoryScanner().ScanAsync(repo.Path, CancellationToken.None);

        // Assert
        scan.Findings.Select(f => (f.RuleId, f.Location!.File))
            .Should()
            .BeEquivalentTo(
                new[]
                {
                    (ManifestRules.YamlSyntax.Id, "k/bad.yaml"),
                    (ManifestRules.YamlDuplicateKey.Id, "k/dup.yaml"),
                    (ManifestRules.MissingField.Id, "k/nameless.yaml"),
                }
            );
        scan.Manifests.Select(m => m.Name).Should().BeEquivalentTo("d", "ok");
    }
}
