using System.Text.Json.Nodes;
using System.Xml.Linq;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Validation;

/// <summary>The Validate target's report formats, end to end on a copy of this repository's Flux tree.</summary>
public class ValidateTargetSpecs
{
    [Fact]
    public async Task A_quiet_json_report_on_standard_output_is_the_report_alone()
    {
        using var repo = RepositoryCopy.OfThisRepository();

        var (exitCode, output) = await RunAsync(repo, "Validate", "--format", "json", "--verbosity", "quiet");

        exitCode.Should().Be(ExitCodes.Success, output);
        var json = JsonNode.Parse(output)!;
        json["summary"]!["clusters"]!
            .AsArray()
            .Select(c => c!.GetValue<string>())
            .Should()
            .Equal("aks-myaks-prd-swn-00", "aks-myaks-tst-swn-00");
    }

    [Fact]
    public async Task Sarif_and_junit_reports_are_written_to_the_output_file_beside_the_text_report()
    {
        using var repo = RepositoryCopy.OfThisRepository();

        var (sarifExit, sarifOutput) = await RunAsync(
            repo,
            "Validate",
            "--format",
            "sarif",
            "--output",
            repo.Combine("out/validate.sarif")
        );
        var (junitExit, _) = await RunAsync(
            repo,
            "Validate",
            "--format",
            "junit",
            "--output",
            repo.Combine("out/validate.xml")
        );

        (sarifExit, junitExit).Should().Be((ExitCodes.Success, ExitCodes.Success));
        sarifOutput.Should().Contain("2 clusters,");
        JsonNode.Parse(File.ReadAllText(repo.Combine("out/validate.sarif")))!["version"]!
            .GetValue<string>()
            .Should()
            .Be("2.1.0");
        XDocument
            .Load(repo.Combine("out/validate.xml"))
            .Root!.Elements("testsuite")
            .Select(s => (string)s.Attribute("name")!)
            .Should()
            .Equal("repository", "aks-myaks-prd-swn-00", "aks-myaks-tst-swn-00");
    }

    [Fact]
    public async Task Under_github_actions_findings_become_annotations_and_a_step_summary()
    {
        using var repo = RepositoryCopy.OfThisRepository();
        repo.Write(
            "kubernetes/apps/base/external-secrets/extra.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: open\n"
        );
        var kustomization = repo.Combine("kubernetes/apps/base/external-secrets/kustomization.yaml");
        File.AppendAllText(kustomization, "  - extra.yaml\n");
        var summary = repo.Combine("summary.md");

        var (exitCode, output) = await RunAsync(
            repo,
            ["Validate"],
            new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary }
        );

        exitCode.Should().Be(ExitCodes.Success, output);
        output
            .Should()
            .Contain("::group::Validate")
            .And.Contain("::warning file=kubernetes/apps/base/external-secrets/extra.yaml,line=");
        File.ReadAllText(summary).Should().Contain("### Validate:").And.Contain("policy-pod-security");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_runner_age_check_asks_the_github_api_url_it_is_given()
    {
        // Arrange
        using var repo = RepositoryCopy.OfThisRepository();
        await using var github = await GitHubApiServer.StartAsync();
        github.Repository("actions", "runner").AddRelease("v2.337.0", DateTimeOffset.UtcNow.AddDays(-3));

        // Act
        var (_, output) = await RunAsync(
            repo,
            "Validate",
            "--check-runner-age",
            "--github-api-url",
            github.BaseAddress.AbsoluteUri
        );

        // Assert
        github
            .RequestsTo(GitHubEndpoint.ListReleases)
            .Should()
            .ContainSingle(output)
            .Which.Path.Should()
            .Be("/repos/actions/runner/releases");
    }

    private static Task<BuildRun> RunAsync(TempDirectory repo, params string[] args) =>
        RunAsync(repo, args, new Dictionary<string, string>());

    private static Task<BuildRun> RunAsync(TempDirectory repo, string[] args, Dictionary<string, string> environment)
    {
        environment["SCHEMA_LOCATION"] = Path.Combine(repo.Path, "no-schemas");
        environment["IGNORE_MISSING_SCHEMAS"] = "true";
        return InProcessBuild.RunAsync(repo.Path, args, environment);
    }
}
