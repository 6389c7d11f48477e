namespace GitOpsRunners.Tests.Support.Registry;

public sealed class RegistryBinarySpecs
{
    /// <summary>
    /// A missing binary names the install command; a registry that exits at start (a token section with only a realm)
    /// passes on its own complaint.
    /// </summary>
    [Theory(Timeout = 20_000)]
    [InlineData("no-such-registry", null, ".ci/install-registry.sh", "no-such-registry")]
    [InlineData(null, "  token:\n    realm: only-a-realm\n", "exited at start", "issuer")]
    public async Task A_registry_that_is_missing_or_cannot_start_fails_the_tests_saying_why(
        string? missingBinary,
        string? authSection,
        string reason,
        string detail
    )
    {
        // Arrange
        using var folder = new TempDirectory();

        // Act
        var act = () =>
            RegistryBinary.StartAsync(
                folder.Path,
                authSection,
                binary: missingBinary is null ? null : folder.Combine(missingBinary)
            );

        // Assert
        (await act.Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should()
            .Contain(reason)
            .And.Contain(detail);
    }
}
