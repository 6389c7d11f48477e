namespace GitOpsRunners.Tests.Support.Registry;

public sealed class RegistryBinarySpecs
{
    [Fact]
    public async Task A_missing_registry_binary_fails_the_tests_with_the_install_command()
    {
        // Arrange
        using var folder = new TempDirectory();

        // Act
        var act = () =>
            RegistryBinary.StartAsync(folder.Path, authSection: null, binary: folder.Combine("no-such-registry"));

        // Assert
        (await act.Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should()
            .Contain(".ci/install-registry.sh")
            .And.Contain("no-such-registry");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_registry_that_cannot_start_fails_with_its_own_output()
    {
        // Arrange
        using var folder = new TempDirectory();

        // Act
        var act = () => RegistryBinary.StartAsync(folder.Path, authSection: "  token:\n    realm: only-a-realm\n");

        // Assert
        (await act.Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should()
            .Contain("exited at start")
            .And.Contain("issuer");
    }
}
