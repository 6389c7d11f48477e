using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Engine;

public sealed class GitHubActionsHostSpecs : IDisposable
{
    private readonly TestConsole _console = new();

    public void Dispose() => _console.Dispose();

    [Fact]
    public void Groups_wrap_a_target()
    {
        // Arrange
        var host = new GitHubActionsHost(_console, null);

        // Act
        host.BeginGroup("Validate");
        host.EndGroup();

        // Assert
        _console.Output.ReplaceLineEndings("\n").Should().Be("::group::Validate\n::endgroup::\n");
    }

    [Fact]
    public void Annotations_carry_file_line_and_column_with_escaped_text()
    {
        // Arrange
        var host = new GitHubActionsHost(_console, null);

        // Act
        host.Annotate(Severity.Error, "bad value: 50%\nsecond line", new SourceLocation("kubernetes/a,b.yaml", 12, 3));
        host.Annotate(Severity.Warning, "deprecated", new SourceLocation("x.yaml", 4));
        host.Annotate(Severity.Info, "fyi", null);

        // Assert
        _console
            .Lines.Should()
            .Equal(
                "::error file=kubernetes/a%2Cb.yaml,line=12,col=3::bad value: 50%25%0Asecond line",
                "::warning file=x.yaml,line=4::deprecated",
                "::notice::fyi"
            );
    }

    [Fact]
    public void A_secret_is_masked_once()
    {
        // Arrange
        var host = new GitHubActionsHost(_console, null);

        // Act
        host.Mask("ghp_abc");
        host.Mask("ghp_abc");

        // Assert
        _console.Lines.Should().Equal("::add-mask::ghp_abc");
    }

    [Fact]
    public void Step_summary_markdown_is_appended_to_the_file()
    {
        // Arrange
        using var temp = new Support.TempDirectory();
        var path = temp.Write("summary.md", "earlier\n");
        var host = new GitHubActionsHost(_console, path);

        // Act
        host.AppendStepSummary("### Build summary");

        // Assert
        File.ReadAllText(path).Should().Be("earlier\n### Build summary\n");
    }

    [Fact(Timeout = 10_000)]
    public async Task Under_github_actions_a_run_masks_secrets_groups_targets_and_writes_the_step_summary()
    {
        // Arrange
        using var fixture = new BuildFixture();
        var summary = fixture.Root.Write("step-summary.md", "");
        fixture.Environment["GITHUB_ACTIONS"] = "true";
        fixture.Environment["GITHUB_STEP_SUMMARY"] = summary;
        fixture.Environment["GITHUB_TOKEN"] = "ghp_0123456789";

        // Act
        var output = await fixture.RunFailingValidateAsync(new BuildException("render failed"));

        // Assert
        output
            .Should()
            .StartWith("::add-mask::ghp_0123456789\n::group::Restore\n::endgroup::\n::group::Compile\n")
            .And.Contain("::error::Validate failed: render failed\n::endgroup::");
        File.ReadAllText(summary)
            .Should()
            .Contain("| Target | Status | Duration | Notes |")
            .And.Contain("| Validate | ❌ Failed |")
            .And.Contain("| render failed |");
    }

    [Fact]
    public void The_host_is_chosen_from_the_environment()
    {
        // Act
        var github = CiHosts.Detect(_console, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });
        var local = CiHosts.Detect(_console, new Dictionary<string, string>());

        // Assert
        github.Should().BeOfType<GitHubActionsHost>();
        local.Should().BeOfType<LocalHost>();
    }

    [Fact]
    public void The_local_host_prints_no_annotations()
    {
        // Arrange
        var host = new LocalHost(_console);

        // Act
        host.Annotate(Severity.Error, "boom", new SourceLocation("a.yaml", 1));
        host.Mask("secret");

        // Assert
        _console.Output.Should().BeEmpty();
    }
}
