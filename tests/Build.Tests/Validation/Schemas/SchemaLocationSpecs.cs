using GitOpsRunners.Engine;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Tests.Validation.Schemas;

public class SchemaLocationSpecs
{
    [Theory]
    [InlineData(
        "default",
        "apps/v1",
        "Deployment",
        "1.36.0",
        true,
        "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.36.0-standalone-strict/deployment-apps-v1.json"
    )]
    [InlineData(
        "default",
        "v1",
        "ReplicationController",
        "master",
        false,
        "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/master-standalone/replicationcontroller-v1.json"
    )]
    [InlineData(
        "default",
        "networking.k8s.io/v1",
        "Ingress",
        "1.20.0",
        true,
        "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.20.0-standalone-strict/ingress-networking-v1.json"
    )]
    [InlineData(
        "https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json",
        "helm.toolkit.fluxcd.io/v2",
        "HelmRelease",
        "master",
        true,
        "https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/helm.toolkit.fluxcd.io/helmrelease_v2.json"
    )]
    [InlineData(
        "/schemas",
        "source.toolkit.fluxcd.io/v1",
        "OCIRepository",
        "master",
        true,
        "/schemas/master-standalone-strict/ocirepository-source-v1.json"
    )]
    [InlineData("/schemas/", "v1", "Namespace", "1.36.0", false, "/schemas/v1.36.0-standalone/namespace-v1.json")]
    [InlineData(
        "./fixtures/registry/{{ .ResourceKind }}{{ .KindSuffix }}.json",
        "sagemaker.aws.amazon.com/v1",
        "TrainingJob",
        "master",
        true,
        "./fixtures/registry/trainingjob-sagemaker-v1.json"
    )]
    [InlineData(
        "/s/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json",
        "external-secrets.io/v1",
        "ExternalSecret",
        "master",
        true,
        "/s/externalsecret_v1.json"
    )]
    [InlineData(
        "/s/{{ .Group }}-{{.NormalizedKubernetesVersion}}{{.StrictSuffix}}.json",
        "v1",
        "Secret",
        "1.2.3",
        true,
        "/s/v1-v1.2.3-strict.json"
    )]
    public void A_location_expands_like_kubeconform(
        string location,
        string apiVersion,
        string kind,
        string version,
        bool strict,
        string expected
    )
    {
        // Arrange
        var parsed = SchemaLocation.Parse(location);

        // Act
        var resolved = parsed.Resolve(SchemaTemplateVariables.For(apiVersion, kind, version, strict));

        // Assert
        resolved.Should().Be(expected);
    }

    [Theory]
    [InlineData("foo {{ .Foo }}.json", "can't evaluate field Foo")]
    [InlineData("/schemas/{{ .ResourceKind }.json", "unclosed action")]
    [InlineData("/schemas/{{ if .Group }}x{{ end }}.json", "unsupported template action")]
    public void A_bad_template_fails_at_start_up_naming_the_location(string location, string reason)
    {
        // Act
        var act = () => SchemaLocation.Parse(location);

        // Assert
        act.Should()
            .Throw<UsageException>()
            .Which.Message.Should()
            .StartWith("failed initialising schema location registry")
            .And.Contain(location)
            .And.Contain(reason);
    }

    [Fact]
    public void A_location_without_a_json_ending_gets_the_standalone_suffix()
    {
        // Act
        var location = SchemaLocation.Parse("https://example.test/schemas");

        // Assert
        location.Template.Text.Should().Be("https://example.test/schemas" + SchemaLocation.StandaloneSuffix);
        location.IsHttp.Should().BeTrue();
    }

    [Theory]
    [InlineData("1.25")]
    [InlineData("latest")]
    [InlineData("1.2.3.4")]
    public void A_kubernetes_version_that_is_not_master_or_x_y_z_is_a_usage_error(string version)
    {
        // Act
        var act = () => SchemaTemplateVariables.For("v1", "Pod", version, strict: true);

        // Assert
        act.Should().Throw<UsageException>().WithMessage($"*\"{version}\"*master*x.y.z*");
    }

    [Fact]
    public void The_core_group_variables_follow_kubeconform()
    {
        // Act
        var variables = SchemaTemplateVariables.For("v1", "ConfigMap", "v1.36.0", strict: false);

        // Assert
        variables.Should().Be(new SchemaTemplateVariables("v1.36.0", "", "configmap", "v1", "v1", "-v1"));
    }
}
