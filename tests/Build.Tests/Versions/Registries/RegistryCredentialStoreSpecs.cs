using GitOpsRunners.Engine;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

public sealed class RegistryCredentialStoreSpecs
{
    [Theory]
    [InlineData("ghcr.io", "GHCR_IO")]
    [InlineData("localhost:5000", "LOCALHOST_5000")]
    [InlineData("myacr.azurecr.io", "MYACR_AZURECR_IO")]
    [InlineData(OciReference.DockerHubRegistry, "DOCKER_IO")]
    [InlineData("registry-x.example:8443", "REGISTRY_X_EXAMPLE_8443")]
    public void Host_keys_are_upper_snake_case(string registry, string key)
    {
        // Act
        var result = RegistryCredentialStore.HostKey(registry);

        // Assert
        result.Should().Be(key);
    }

    [Fact]
    public void Host_specific_credentials_win_over_the_generic_ones()
    {
        // Arrange
        var store = TestHttp.Credentials(
            ("REGISTRY_GHCR_IO_USERNAME", "gh-user"),
            ("REGISTRY_GHCR_IO_PASSWORD", "gh-token"),
            ("REGISTRY_USERNAME", "any-user"),
            ("REGISTRY_PASSWORD", "any-token")
        );

        // Act
        var ghcr = store.Find("ghcr.io");
        var other = store.Find("quay.io");

        // Assert
        ghcr.Should()
            .Be(new RegistryCredentials("gh-user", "gh-token", "REGISTRY_GHCR_IO_USERNAME/REGISTRY_GHCR_IO_PASSWORD"));
        other!.Username.Should().Be("any-user");
        other.Source.Should().Be("REGISTRY_USERNAME/REGISTRY_PASSWORD");
    }

    [Fact]
    public void No_variables_means_no_credentials()
    {
        // Act
        var found = TestHttp.Credentials(("REGISTRY_GHCR_IO_USERNAME", "")).Find("ghcr.io");

        // Assert
        found.Should().BeNull();
    }

    [Fact]
    public void Half_set_credentials_are_an_error_naming_the_missing_variable()
    {
        // Arrange
        var store = TestHttp.Credentials(("REGISTRY_GHCR_IO_USERNAME", "gh-user"));

        // Act
        var act = () => store.Find("ghcr.io");

        // Assert
        act.Should()
            .Throw<BuildException>()
            .WithMessage("REGISTRY_GHCR_IO_USERNAME is set but REGISTRY_GHCR_IO_PASSWORD is not*");
    }

    [Fact]
    public void Credentials_never_print_their_password()
    {
        // Arrange
        var credentials = new RegistryCredentials("robot", "hunter2-secret", "REGISTRY_USERNAME/REGISTRY_PASSWORD");

        // Act
        var text = credentials.ToString();

        // Assert
        text.Should().Contain("robot").And.NotContain("hunter2-secret");
    }
}
