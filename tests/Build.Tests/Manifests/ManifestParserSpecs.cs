using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Tests.Manifests;

public sealed class ManifestParserSpecs
{
    [Fact]
    public void An_object_becomes_a_manifest_with_its_location()
    {
        // Act
        var result = ManifestParser.Parse(
            YamlFileLoader.Parse(
                "# c\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: app\n",
                "d.yaml"
            )
        );

        // Assert
        var manifest = result.Manifests.Should().ContainSingle().Subject;
        (manifest.ApiVersion, manifest.Kind, manifest.Name, manifest.Namespace)
            .Should()
            .Be(("apps/v1", "Deployment", "web", "app"));
        manifest.Location.Should().Be(new SourceLocation("d.yaml", 2, 1));
        result.Findings.Should().BeEmpty();
    }

    [Fact]
    public void Missing_required_fields_are_reported_together_at_the_document()
    {
        // Act
        var result = ManifestParser.Parse(YamlFileLoader.Parse("kind: Service\nmetadata:\n  labels: {}\n", "s.yaml"));

        // Assert
        result.Manifests.Should().BeEmpty();
        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(ManifestRules.MissingField.Id);
        finding.Message.Should().Contain("'apiVersion'").And.Contain("'metadata.name'").And.NotContain("'kind'");
        finding.Location.Should().Be(new SourceLocation("s.yaml", 1, 1));
    }

    [Fact]
    public void A_list_is_expanded_into_its_items_with_their_own_lines()
    {
        // Arrange
        const string list =
            "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {}\n";

        // Act
        var result = ManifestParser.Parse(YamlFileLoader.Parse(list, "l.yaml"));

        // Assert
        result.Manifests.Should().ContainSingle().Which.Location.Line.Should().Be(4);
        result.Findings.Should().ContainSingle().Which.Location!.Line.Should().Be(8);
    }

    [Fact]
    public void Kustomize_files_and_plain_values_are_not_kubernetes_objects()
    {
        // Arrange
        var kustomization = YamlFileLoader.Parse("resources: [a.yaml]\n", "kustomization.yaml").Documents[0].Root;
        var component = YamlFileLoader
            .Parse("apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n", "x.yaml")
            .Documents[0]
            .Root;
        var values = YamlFileLoader.Parse("replicaCount: 2\n", "values.yaml").Documents[0].Root;
        var service = YamlFileLoader.Parse("apiVersion: v1\nkind: Service\n", "kustomization.yaml").Documents[0].Root;

        // Act / Assert
        ManifestParser.Classify(kustomization, "kustomization.yaml").Should().Be(DocumentKind.KustomizeConfiguration);
        ManifestParser.Classify(component, "x.yaml").Should().Be(DocumentKind.KustomizeConfiguration);
        ManifestParser.Classify(values, "values.yaml").Should().Be(DocumentKind.Other);
        ManifestParser.Classify(service, "kustomization.yaml").Should().Be(DocumentKind.KubernetesObject);
    }
}
