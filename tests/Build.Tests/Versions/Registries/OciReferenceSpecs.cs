using GitOpsRunners.Engine;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

public sealed class OciReferenceSpecs
{
    [Theory]
    [InlineData(
        "oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set",
        "ghcr.io",
        "actions/actions-runner-controller-charts/gha-runner-scale-set",
        null,
        null,
        "https"
    )]
    [InlineData(
        "ghcr.io/actions/actions-runner:2.330.0",
        "ghcr.io",
        "actions/actions-runner",
        "2.330.0",
        null,
        "https"
    )]
    [InlineData("docker.io/library/busybox", OciReference.DockerHubRegistry, "library/busybox", null, null, "https")]
    [InlineData("docker.io/busybox:1.37", OciReference.DockerHubRegistry, "library/busybox", "1.37", null, "https")]
    [InlineData("busybox", OciReference.DockerHubRegistry, "library/busybox", null, null, "https")]
    [InlineData("bitnami/redis", OciReference.DockerHubRegistry, "bitnami/redis", null, null, "https")]
    [InlineData("index.docker.io/org/app", OciReference.DockerHubRegistry, "org/app", null, null, "https")]
    [InlineData("localhost:5000/x", "localhost:5000", "x", null, null, "http")]
    [InlineData("localhost/x", "localhost", "x", null, null, "http")]
    [InlineData("127.0.0.1:41234/org/chart", "127.0.0.1:41234", "org/chart", null, null, "http")]
    [InlineData("[::1]:5000/org/chart", "[::1]:5000", "org/chart", null, null, "http")]
    [InlineData(
        "myacr.azurecr.io/a/b:1.0.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "myacr.azurecr.io",
        "a/b",
        "1.0.0",
        "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "https"
    )]
    public void References_are_split_into_registry_repository_tag_and_digest(
        string text,
        string registry,
        string repository,
        string? tag,
        string? digest,
        string scheme
    )
    {
        // Act
        var reference = OciReference.Parse(text);

        // Assert
        reference.Registry.Should().Be(registry);
        reference.Repository.Should().Be(repository);
        reference.Tag.Should().Be(tag);
        reference.Digest.Should().Be(digest);
        reference.Scheme.Should().Be(scheme);
        reference.BaseUri.Should().Be(new Uri($"{scheme}://{registry}/"));
    }

    [Fact]
    public void The_scheme_can_be_overridden_for_a_test_registry_with_a_public_looking_name()
    {
        // Act
        var reference = OciReference.Parse("registry.test:8443/org/app") with
        {
            Scheme = "http",
        };

        // Assert
        reference.BaseUri.Should().Be(new Uri("http://registry.test:8443/"));
        reference.ToString().Should().Be("registry.test:8443/org/app");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("oci://", "empty")]
    [InlineData("ghcr.io/Org/Chart", "lowercase")]
    [InlineData("ghcr.io/org//chart", "lowercase")]
    [InlineData("ghcr.io/org/chart:", "not a valid tag")]
    [InlineData("ghcr.io/org/chart:-bad", "not a valid tag")]
    [InlineData("ghcr.io/org/chart@sha256:short", "not algorithm:hex")]
    [InlineData("bad_host.io:x/org/chart", "not a host[:port]")]
    public void Malformed_references_are_rejected_with_the_reason_and_an_example(string text, string reason)
    {
        // Act
        var act = () => OciReference.Parse(text);

        // Assert
        act.Should()
            .Throw<BuildException>()
            .Which.Message.Should()
            .Contain(reason)
            .And.Contain("e.g. oci://ghcr.io/org/chart");
        OciReference.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Without_version_drops_tag_and_digest_and_keeps_the_scheme()
    {
        // Arrange
        var reference = OciReference.Parse(
            "localhost:5000/org/app:1.0.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        );

        // Act
        var repository = reference.WithoutVersion();

        // Assert
        repository.ToString().Should().Be("localhost:5000/org/app");
        repository.Scheme.Should().Be("http");
    }
}
