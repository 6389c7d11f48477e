using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Versions.Renovate;

/// <summary>Renovate's own validator, in strict mode, on the committed configuration and on an outdated one.</summary>
public sealed class RenovateConfigSpecs
{
    [RenovateFact]
    public async Task The_committed_renovate_json_passes_the_strict_config_validator()
    {
        // Act
        var (exitCode, output) = await RenovateCli.ValidateAsync(
            Path.Combine(RepositoryRoot.Path, "renovate.json"),
            CancellationToken.None
        );

        // Assert
        exitCode.Should().Be(0, output);
        output.Should().Contain("Config validated successfully");
    }

    [RenovateFact]
    public async Task The_strict_config_validator_rejects_a_configuration_that_needs_migration()
    {
        // Arrange: fileMatch is the pre-40.2 spelling of managerFilePatterns.
        using var folder = new TempDirectory();
        var config = folder.Write("renovate.json", """{ "flux": { "fileMatch": ["\\.yaml$"] } }""");

        // Act
        var (exitCode, output) = await RenovateCli.ValidateAsync(config, CancellationToken.None);

        // Assert
        exitCode.Should().NotBe(0, output);
        output.Should().Contain("fileMatch");
    }
}
