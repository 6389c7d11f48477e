using System.Text.Json;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Versions.Bump;

namespace GitOpsRunners.Tests.Versions.Lookup;

/// <summary>The Versions target through the real runner: the table, JSON, and --check against the loopback registry and Helm index.</summary>
public sealed class VersionsTargetSpecs(BumpWorld world) : IClassFixture<BumpWorld>
{
    [Fact(Timeout = 60_000)]
    public async Task The_table_lists_every_pin_of_every_cluster_with_the_line_that_sets_it()
    {
        // Act
        var (exitCode, output) = await VersionsAsync();

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        output
            .Should()
            .Contain("aks-myaks-tst-swn-00")
            .And.Contain("aks-myaks-prd-swn-00")
            .And.Contain("gha-runner-scale-set-controller")
            .And.Contain("Helm chart (OCI)")
            .And.Contain("Helm chart (HTTP repository)")
            .And.Contain("container image")
            .And.Contain($"{BumpRepository.VersionsFile}:10:22 (ARC_CHART_VERSION)");
        output.Should().NotContain("Newest");
    }

    [Fact(Timeout = 60_000)]
    public async Task Json_with_check_gives_each_pin_its_newest_version_through_the_mirrors()
    {
        // Arrange
        using var repository = Fleet();
        var output = Path.Combine(repository.Root, "versions.json");

        // Act
        var (exitCode, console) = await repository.RunAsync([
            "Versions",
            "--cluster",
            BumpRepository.Cluster,
            "--check",
            "--format",
            "json",
            "--output",
            output,
        ]);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, console);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var pins = json.RootElement.GetProperty("pins").EnumerateArray().ToList();
        pins.Should().HaveCount(4);
        string Newest(string component) =>
            pins.Single(p => p.GetProperty("component").GetString() == component).GetProperty("newest").GetString()!;
        Newest("gha-runner-scale-set-controller").Should().Be("1.0.0");
        Newest("external-secrets").Should().Be("3.0.0");
        Newest("ghcr.io/home-operations/actions-runner").Should().Be("2.338.0");
        var runner = pins.Single(p => p.GetProperty("kind").GetString() == "image");
        runner.GetProperty("digest").GetString().Should().Be(world.Runner2337Digest);
        runner.GetProperty("line").GetInt32().Should().Be(13);
        runner.GetProperty("behind").GetBoolean().Should().BeTrue();
        console.Should().Contain("behind actions/runner's newest release v2.339.0");
    }

    [Fact(Timeout = 60_000)]
    public async Task Json_without_check_goes_to_standard_output()
    {
        // Act
        var (exitCode, output) = await VersionsAsync("--format", "json", "--cluster", BumpRepository.Cluster);

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        var start = output.IndexOf("{\n", StringComparison.Ordinal);
        var end = output.IndexOf("\n}", start, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output[start..(end + 2)]);
        json.RootElement.GetProperty("pins")
            .EnumerateArray()
            .Select(p => p.GetProperty("version").GetString())
            .Should()
            .BeEquivalentTo("0.15.0", "0.15.0", "2.9.0", "2.337.0");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failing_registry_under_check_marks_the_rows_and_fails_naming_the_registry()
    {
        // Arrange
        using var repository = Fleet();
        world.Proxy.Reset();
        world.Proxy.FailAlways = true;

        // Act
        var (exitCode, output) = await repository.RunAsync(
            ["Versions", "--cluster", BumpRepository.Cluster, "--check"],
            throughProxy: true
        );
        world.Proxy.Reset();

        // Assert
        exitCode.Should().Be(ExitCodes.TargetFailed);
        output.Should().Contain("look-up failed").And.Contain("ghcr.io is read through the mirror");
    }

    [Fact(Timeout = 60_000)]
    public async Task Sarif_is_not_a_format_of_Versions()
    {
        // Act
        var (exitCode, output) = await VersionsAsync("--format", "sarif");

        // Assert
        exitCode.Should().Be(ExitCodes.Usage);
        output.Should().Contain("--format text or --format json");
    }

    [Fact(Timeout = 60_000)]
    public async Task Check_gives_each_pin_the_newest_version_and_the_one_Bump_would_choose()
    {
        // Arrange
        using var repository = Fleet();

        // Act
        var run = await repository.RunAsync(
            ["Versions", "--cluster", BumpRepository.Cluster, "--check", "--format", "json"],
            separateStreams: true
        );

        // Assert
        run.ExitCode.Should().Be(ExitCodes.Success, run.StandardError);
        using var json = JsonDocument.Parse(run.Output);
        var pins = json.RootElement.GetProperty("pins").EnumerateArray().ToList();
        JsonElement Pin(string component) => pins.Single(p => p.GetProperty("component").GetString() == component);
        Pin("gha-runner-scale-set-controller").GetProperty("newest").GetString().Should().Be("1.0.0");
        Pin("gha-runner-scale-set-controller")
            .GetProperty("bump")
            .GetProperty("version")
            .GetString()
            .Should()
            .Be("0.16.0");
        Pin("gha-runner-scale-set").GetProperty("bump").GetProperty("version").GetString().Should().Be("0.16.0");
        Pin("external-secrets").GetProperty("newest").GetString().Should().Be("3.0.0");
        Pin("external-secrets").GetProperty("bump").GetProperty("update").GetString().Should().Be("minor");
        var runner = Pin("ghcr.io/home-operations/actions-runner").GetProperty("bump");
        runner.GetProperty("version").GetString().Should().Be("2.338.0");
        runner.GetProperty("digest").GetString().Should().Be(world.Runner2338Digest);
    }

    [Fact(Timeout = 60_000)]
    public async Task Under_the_patch_policy_the_ARC_pair_rule_keeps_the_controller_where_it_is_though_it_has_a_patch()
    {
        // Arrange: the controller chart has 0.15.1, the scale-set chart does not.
        using var repository = new BumpRepository(world, "0.15.0", "2.9.0", $"2.338.0@{world.Runner2338Digest}");

        // Act
        var run = await repository.RunAsync(
            ["Versions", "--cluster", BumpRepository.Cluster, "--check", "--allow", "patch", "--format", "json"],
            separateStreams: true
        );

        // Assert
        run.ExitCode.Should().Be(ExitCodes.Success, run.StandardError);
        using var json = JsonDocument.Parse(run.Output);
        var pins = json.RootElement.GetProperty("pins").EnumerateArray().ToList();
        JsonElement Pin(string component) => pins.Single(p => p.GetProperty("component").GetString() == component);
        Pin("gha-runner-scale-set-controller").GetProperty("bump").ValueKind.Should().Be(JsonValueKind.Null);
        Pin("gha-runner-scale-set").GetProperty("bump").ValueKind.Should().Be(JsonValueKind.Null);
        Pin("external-secrets").GetProperty("bump").GetProperty("version").GetString().Should().Be("2.9.1");
        Pin("ghcr.io/home-operations/actions-runner").GetProperty("bump").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_check_table_has_a_Bump_column_beside_the_newest_version()
    {
        // Act
        var (exitCode, output) = await VersionsAsync("--cluster", BumpRepository.Cluster, "--check");

        // Assert
        exitCode.Should().Be(ExitCodes.Success, output);
        var controller = output
            .Split('\n')
            .Single(l => l.Contains("gha-runner-scale-set-controller") && l.Contains('│'));
        controller.Should().Contain("1.0.0").And.Contain("0.16.0 (minor)");
        output.Should().Contain("Bump");
    }

    /// <summary>The two-cluster fleet pinning ARC 0.15.0, ESO 2.9.0 and the runner at 2.337.0 with its digest.</summary>
    private BumpRepository Fleet() => new(world, "0.15.0", "2.9.0", $"2.337.0@{world.Runner2337Digest}");

    /// <summary>Runs <c>Versions</c> with <paramref name="args"/> on a fresh <see cref="Fleet"/>.</summary>
    private async Task<BuildRun> VersionsAsync(params string[] args)
    {
        using var repository = Fleet();
        return await repository.RunAsync(["Versions", .. args]);
    }
}
