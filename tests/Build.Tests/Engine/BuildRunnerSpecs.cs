using GitOpsRunners.Engine;
using GitOpsRunners.Validation.Reports;

namespace GitOpsRunners.Tests.Engine;

public sealed class BuildRunnerSpecs : IDisposable
{
    private readonly BuildFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact(Timeout = 10_000)]
    public async Task A_successful_run_exits_with_0_and_prints_the_summary_table()
    {
        // Act
        var exitCode = await _fixture.RunAsync("Validate", "--cluster", "test");

        // Assert
        exitCode.Should().Be(ExitCodes.Success);
        _fixture.Build.Ran.Should().Equal("Restore", "Compile", "Validate");
        _fixture
            .Output.Should()
            .ContainAll("Target", "Status", "Duration")
            .And.MatchRegex(@"│ Validate\s+│ Succeeded\s+│\s+\d+\.\ds │");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_build_exception_fails_the_target_with_one_line_and_stops_the_run()
    {
        // Arrange
        _fixture.Build.ValidateWork = _ =>
            throw new BuildException("clusters/test/flux.yaml:3: missing namespace; add metadata.namespace.");

        // Act
        var exitCode = await _fixture.RunAsync("Validate", "Publish", "--cluster", "test", "--ignore-missing-schemas");

        // Assert
        exitCode.Should().Be(ExitCodes.TargetFailed);
        _fixture.Build.Ran.Should().NotContain("Publish");
        _fixture
            .Output.Should()
            .Contain("error in Validate: clusters/test/flux.yaml:3: missing namespace; add metadata.namespace.\n")
            .And.NotContain(" at ")
            .And.MatchRegex(@"│ Validate\s+│ Failed")
            .And.MatchRegex(@"│ Publish\s+│ NotRun");
    }

    [Fact(Timeout = 10_000)]
    public async Task Any_other_exception_prints_its_type_and_message_without_a_stack_trace()
    {
        // Act
        var output = await _fixture.RunFailingValidateAsync(new InvalidOperationException("boom"));

        // Assert
        output.Should().Contain("error in Validate: System.InvalidOperationException: boom").And.NotContain("   at ");
    }

    [Fact(Timeout = 10_000)]
    public async Task Verbose_output_adds_the_stack_trace()
    {
        // Act
        var output = await _fixture.RunFailingValidateAsync(
            new InvalidOperationException("boom"),
            "--verbosity",
            "verbose"
        );

        // Assert
        output.Should().Contain("   at ");
    }

    [Fact(Timeout = 10_000)]
    public async Task An_unknown_target_is_a_usage_error_with_exit_code_2()
    {
        // Act
        var exitCode = await _fixture.RunAsync("Valdate");

        // Assert
        exitCode.Should().Be(ExitCodes.Usage);
        _fixture.Output.Should().StartWith("error: Unknown target 'Valdate'. Did you mean 'Validate'?");
        _fixture.Build.Ran.Should().BeEmpty();
    }

    [Fact(Timeout = 10_000)]
    public async Task Missing_required_parameters_of_all_planned_targets_are_reported_before_anything_runs()
    {
        // Act
        var exitCode = await _fixture.RunAsync("Validate", "Report");

        // Assert
        exitCode.Should().Be(ExitCodes.Usage);
        _fixture.Build.Ran.Should().BeEmpty();
        _fixture
            .Output.Should()
            .Contain(
                "Validate requires --cluster (or environment variable CLUSTER); Report requires the environment variable GITHUB_TOKEN."
            );
    }

    [Fact(Timeout = 10_000)]
    public async Task Cancelling_aborts_the_running_target_and_exits_with_130()
    {
        // Arrange
        using var cancellation = new CancellationTokenSource();
        _fixture.Build.ValidateWork = async ct =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
        };
        _fixture.Environment["GITHUB_TOKEN"] = "ghp_0123456789";

        // Act
        var exitCode = await _fixture.RunAsync(["Validate", "Report", "--cluster", "test"], cancellation.Token);

        // Assert
        exitCode.Should().Be(ExitCodes.Cancelled);
        _fixture.Output.Should().MatchRegex(@"│ Validate\s+│ Aborted").And.MatchRegex(@"│ Report\s+│ NotRun");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_false_condition_skips_the_target_with_the_expression_as_reason()
    {
        // Act
        var exitCode = await _fixture.RunAsync("Publish");

        // Assert
        exitCode.Should().Be(ExitCodes.Success);
        _fixture.Build.Ran.Should().Equal("Restore", "Compile");
        _fixture.Output.Should().MatchRegex(@"│ Publish\s+│ Skipped\s+│.*│ condition false: IgnoreMissingSchemas");
    }

    [Fact(Timeout = 10_000)]
    public async Task Notes_appear_in_the_summary_row_of_their_target()
    {
        // Act
        await _fixture.RunAsync("Publish", "--ignore-missing-schemas");

        // Assert
        _fixture.Output.Should().MatchRegex(@"│ Publish\s+│ Succeeded\s+│.*│ 3 files");
    }

    [Fact(Timeout = 10_000)]
    public async Task Skipped_dependencies_do_not_run()
    {
        // Act
        var exitCode = await _fixture.RunAsync("Validate", "--cluster", "test", "--skip");

        // Assert
        exitCode.Should().Be(ExitCodes.Success);
        _fixture.Build.Ran.Should().Equal("Validate");
        _fixture.Output.Should().MatchRegex(@"│ Restore\s+│ Skipped");
    }

    [Fact(Timeout = 10_000)]
    public async Task Plan_prints_the_order_and_runs_nothing()
    {
        // Act
        var exitCode = await _fixture.RunAsync("Validate", "--plan", "--skip", "Restore");

        // Assert
        exitCode.Should().Be(ExitCodes.Success);
        _fixture.Build.Ran.Should().BeEmpty();
        _fixture
            .Output.Should()
            .Be("Execution plan\n  1. Restore (skipped by --skip)\n  2. Compile\n  3. Validate (invoked)\n");
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_targets_the_help_is_shown()
    {
        // Act
        var exitCode = await _fixture.RunAsync();

        // Assert
        exitCode.Should().Be(ExitCodes.Success);
        _fixture.Output.Should().Contain("Targets (with their direct dependencies)").And.Contain("Validate -> Compile");
    }

    [Fact(Timeout = 10_000)]
    public async Task Targets_from_the_parameters_file_run_when_none_are_given()
    {
        // Arrange
        _fixture.Root.Write(".nuke/parameters.json", """{ "Target": ["Compile"] }""");

        // Act
        var exitCode = await _fixture.RunAsync();

        // Assert
        exitCode.Should().Be(ExitCodes.Success);
        _fixture.Build.Ran.Should().Equal("Restore", "Compile");
    }

    [Fact(Timeout = 10_000)]
    public async Task Resolved_parameters_are_set_on_the_build_and_services_are_attached()
    {
        // Act
        await _fixture.RunAsync("Compile", "--retries", "7", "--format", "sarif");

        // Assert
        _fixture.Build.Retries.Should().Be(7);
        _fixture.Build.Format.Should().Be(ReportFormat.Sarif);
        _fixture.Build.RootDirectory.Should().Be(_fixture.Root.Path);
        _fixture.Build.TemporaryDirectory.Should().Be(Path.Combine(_fixture.Root.Path, ".nuke", "temp"));
        Directory.Exists(_fixture.Build.TemporaryDirectory).Should().BeTrue();
    }

    [Fact(Timeout = 10_000)]
    public async Task Secret_values_are_redacted_from_error_messages()
    {
        // Arrange
        _fixture.Environment["GITHUB_TOKEN"] = "ghp_0123456789";
        var refusal = new BuildException("GitHub refused token ghp_0123456789");

        // Act
        var output = await _fixture.RunFailingValidateAsync(refusal, "--verbosity", "verbose");

        // Assert
        output.Should().Contain("GitHub refused token ***").And.NotContain("ghp_0123456789");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_missing_nuke_folder_is_a_usage_error_when_targets_are_given()
    {
        // Arrange
        Directory.Delete(Path.Combine(_fixture.Root.Path, ".nuke"), recursive: true);

        // Act
        var exitCode = await _fixture.RunAsync("Compile", "--repository-root", "does-not-exist");

        // Assert
        exitCode.Should().Be(ExitCodes.Usage);
        _fixture.Output.Should().Contain("--repository-root does-not-exist: the folder does not exist.");
    }
}
