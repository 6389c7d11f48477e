using GitOpsRunners.Engine;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Lookup;

/// <summary>How registry and Helm repository mirrors map what the manifests name to where look-ups go.</summary>
public sealed class RegistryMirrorsSpecs
{
    [Fact]
    public void A_registry_mirror_changes_host_and_scheme_and_keeps_the_repository()
    {
        // Arrange
        var mirrors = RegistryMirrors.Parse(["ghcr.io=http://127.0.0.1:5000"], []);

        // Act
        var resolved = mirrors.Resolve(
            OciReference.Parse("oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set")
        );

        // Assert
        resolved.BaseUri.Should().Be(new Uri("http://127.0.0.1:5000/"));
        resolved.Repository.Should().Be("actions/actions-runner-controller-charts/gha-runner-scale-set");
    }

    [Fact]
    public void A_path_on_the_mirror_prefixes_every_repository_and_https_is_kept()
    {
        // Arrange
        var mirrors = RegistryMirrors.Parse(["ghcr.io=https://harbor.example/ghcr-proxy/"], []);

        // Act
        var resolved = mirrors.Resolve(OciReference.Parse("ghcr.io/home-operations/actions-runner:2.337.0"));

        // Assert
        resolved.BaseUri.Should().Be(new Uri("https://harbor.example/"));
        resolved.Repository.Should().Be("ghcr-proxy/home-operations/actions-runner");
        resolved.Tag.Should().Be("2.337.0");
    }

    [Fact]
    public void Docker_io_names_the_same_registry_as_Docker_Hub_references()
    {
        // Arrange
        var mirrors = RegistryMirrors.Parse(["docker.io=http://localhost:6000"], []);

        // Act
        var resolved = mirrors.Resolve(OciReference.Parse("nginx:1.27.0"));

        // Assert
        resolved.Registry.Should().Be("localhost:6000");
        resolved.Repository.Should().Be("library/nginx");
    }

    [Fact]
    public void A_registry_without_a_mirror_is_read_directly()
    {
        // Arrange
        var mirrors = RegistryMirrors.Parse(["ghcr.io=http://127.0.0.1:5000"], []);
        var reference = OciReference.Parse("quay.io/org/app");

        // Act
        var resolved = mirrors.Resolve(reference);

        // Assert
        resolved.Should().Be(reference);
        mirrors.MirrorOf("quay.io").Should().BeNull();
    }

    [Fact]
    public void A_Helm_repository_mirror_replaces_the_longest_matching_prefix()
    {
        // Arrange
        var mirrors = RegistryMirrors.Parse(
            [],
            [
                "https://charts.example.io=http://127.0.0.1:8080/all",
                "https://charts.example.io/stable=http://127.0.0.1:8080/stable-copy/",
            ]
        );

        // Act
        var stable = mirrors.Resolve(new Uri("https://charts.example.io/stable/"));
        var other = mirrors.Resolve(new Uri("https://charts.example.io/incubator"));
        var unrelated = mirrors.Resolve(new Uri("https://charts.example.iox"));

        // Assert
        stable.Should().Be(new Uri("http://127.0.0.1:8080/stable-copy"));
        other.Should().Be(new Uri("http://127.0.0.1:8080/all/incubator"));
        unrelated.Should().Be(new Uri("https://charts.example.iox"));
    }

    [Theory]
    [InlineData("ghcr.io")]
    [InlineData("ghcr.io=")]
    [InlineData("=http://127.0.0.1:5000")]
    [InlineData("ghcr.io=ftp://mirror")]
    [InlineData("ghcr.io/org=http://127.0.0.1:5000")]
    [InlineData("Not A Host=http://127.0.0.1:5000")]
    public void A_malformed_registry_mirror_is_a_usage_error_with_an_example(string entry)
    {
        // Act
        var act = () => RegistryMirrors.Parse([entry], []);

        // Assert
        act.Should().Throw<UsageException>().Which.Message.Should().Contain("--registry-mirror");
    }

    [Theory]
    [InlineData("charts.example.io=http://127.0.0.1")]
    [InlineData("https://charts.example.io")]
    [InlineData("oci://ghcr.io/charts=http://127.0.0.1")]
    public void A_malformed_Helm_repository_mirror_is_a_usage_error(string entry)
    {
        // Act
        var act = () => RegistryMirrors.Parse([], [entry]);

        // Assert
        act.Should().Throw<UsageException>().Which.Message.Should().Contain("--helm-repository-mirror");
    }
}
