using GitOpsRunners.Engine;

namespace GitOpsRunners.Tests.Engine;

public class ParameterNamesSpecs
{
    [Theory]
    [InlineData("KubernetesVersion", "kubernetes-version", "KUBERNETES_VERSION")]
    [InlineData("GitHubToken", "github-token", "GITHUB_TOKEN")]
    [InlineData("Cluster", "cluster", "CLUSTER")]
    [InlineData("IgnoreMissingSchemas", "ignore-missing-schemas", "IGNORE_MISSING_SCHEMAS")]
    [InlineData("OciRegistryURL", "oci-registry-url", "OCI_REGISTRY_URL")]
    [InlineData("HTTPProxy", "http-proxy", "HTTP_PROXY")]
    public void Property_names_become_kebab_options_and_snake_variables(string property, string option, string variable)
    {
        // Act / Assert
        ParameterNames.ToKebabCase(property).Should().Be(option);
        ParameterNames.ToEnvironmentName(property).Should().Be(variable);
    }
}
