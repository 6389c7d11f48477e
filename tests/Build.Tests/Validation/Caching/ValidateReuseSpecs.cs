using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Validation.Caching;

/// <summary>
/// Validate shows an earlier run's report again only when nothing that run could read has changed: not after an
/// edit, a new file or a changed schema outside the repository, never with <c>--no-cache</c>, and never for a run
/// that asked the network.
/// </summary>
public sealed class ValidateReuseSpecs : IDisposable
{
    private const string Reused = "No input changed since an earlier run";

    private readonly TempDirectory _repo = new();
    private readonly TempDirectory _project = new();
    private readonly TempDirectory _schemas = new();

    public ValidateReuseSpecs()
    {
        _repo.Write(
            "kubernetes/clusters/dev/settings.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: default
            data:
              LOG_LEVEL: info
            """
        );
    }

    public void Dispose()
    {
        _repo.Dispose();
        _project.Dispose();
        _schemas.Dispose();
    }

    [Fact]
    public async Task A_second_run_with_nothing_changed_shows_the_first_runs_report()
    {
        // Arrange
        var first = await ValidateAsync();

        // Act
        var second = await ValidateAsync("--verbosity", "verbose");

        // Assert
        first.Output.Should().NotContain(Reused);
        second.ExitCode.Should().Be(ExitCodes.Success, second.Output);
        second
            .Output.Should()
            .Contain(Reused)
            .And.Contain("ReusedAnswer = True")
            .And.Contain("KustomizeInvocations = 0");
        second.Output.Should().Contain("1 cluster, 1 object, 0 errors, 0 warnings");
    }

    [Fact]
    public async Task An_edited_file_is_checked_again_and_so_is_its_undoing()
    {
        // Arrange
        var original = File.ReadAllText(_repo.Combine("kubernetes/clusters/dev/settings.yaml"));
        await ValidateAsync();

        // Act
        _repo.Write("kubernetes/clusters/dev/settings.yaml", original + "\n  LOG_LEVEL: debug\n");
        var edited = await ValidateAsync();
        _repo.Write("kubernetes/clusters/dev/settings.yaml", original);
        var undone = await ValidateAsync();

        // Assert
        edited.ExitCode.Should().NotBe(ExitCodes.Success);
        edited.Output.Should().NotContain(Reused).And.Contain("yaml-duplicate-key");
        undone.ExitCode.Should().Be(ExitCodes.Success, undone.Output);
        undone.Output.Should().NotContain(Reused);
    }

    [Fact]
    public async Task A_new_file_is_checked_again()
    {
        // Act
        var run = await ValidateAgainAfterAsync(() =>
            _repo.Write("kubernetes/clusters/dev/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [\n")
        );

        // Assert
        run.Output.Should().NotContain(Reused).And.Contain("yaml-syntax");
        run.ExitCode.Should().NotBe(ExitCodes.Success);
    }

    [Fact]
    public async Task A_schema_that_appears_outside_the_repository_is_checked_again()
    {
        // Act
        var run = await ValidateAgainAfterAsync(() =>
            _schemas.Write(
                "configmap.json",
                """{"type": "object", "required": ["binaryData"], "properties": {"binaryData": {"type": "object"}}}"""
            )
        );

        // Assert
        run.Output.Should().NotContain(Reused).And.Contain("binaryData");
        run.ExitCode.Should().NotBe(ExitCodes.Success);
    }

    [Fact]
    public async Task No_cache_checks_everything_again()
    {
        // Arrange
        await ValidateAsync();

        // Act
        var run = await ValidateAsync("--no-cache");

        // Assert
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Should().NotContain(Reused);
    }

    [Fact]
    public async Task A_run_that_asked_the_network_is_not_reused()
    {
        // Arrange: schemas from a loopback port nothing listens on, so every schema is asked for and refused.
        var location = $"http://127.0.0.1:{LoopbackPort.Free()}/{{{{.ResourceKind}}}}.json";
        await ValidateAsync("--schema-location", location);

        // Act
        var run = await ValidateAsync("--schema-location", location);

        // Assert
        run.Output.Should().NotContain(Reused).And.Contain("failed downloading schema");
    }

    [Fact]
    public async Task A_damaged_stored_answer_is_not_used()
    {
        // Act: every stored entry loses its last byte, so its checksum no longer matches
        var run = await ValidateAgainAfterAsync(() =>
        {
            foreach (
                var entry in Directory.EnumerateFiles(
                    Path.Combine(_project.Path, ".nuke", "temp", "validate"),
                    "*.out",
                    SearchOption.AllDirectories
                )
            )
            {
                var bytes = File.ReadAllBytes(entry);
                File.WriteAllBytes(entry, bytes[..^1]);
            }
        });

        // Assert
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Should().NotContain(Reused).And.Contain("1 cluster, 1 object, 0 errors, 0 warnings");
    }

    /// <summary>Validates once, makes <paramref name="change"/>, and returns the second run.</summary>
    private async Task<BuildRun> ValidateAgainAfterAsync(Action change)
    {
        await ValidateAsync();
        change();
        return await ValidateAsync();
    }

    private Task<BuildRun> ValidateAsync(params string[] args) =>
        InProcessBuild.RunAsync(
            _repo.Path,
            ["Validate", .. args],
            new Dictionary<string, string>
            {
                ["SCHEMA_LOCATION"] = Path.Combine(_schemas.Path, "{{.ResourceKind}}.json"),
                ["IGNORE_MISSING_SCHEMAS"] = "true",
                ["BUILD_ROOT_DIRECTORY"] = _project.Path,
            }
        );
}
