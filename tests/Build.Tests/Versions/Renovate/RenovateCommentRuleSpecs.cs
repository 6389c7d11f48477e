using System.Text.Json.Nodes;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Versions.Renovate;

/// <summary>
/// Validate's <c>renovate-comment</c> rule on copies of this repository's Flux tree: each first-stage pin
/// has the comment Renovate needs, naming the source the manifests use; later stages have none.
/// </summary>
public sealed class RenovateCommentRuleSpecs
{
    private const string FirstStage = "kubernetes/apps/overlays/aks-myaks-tst-swn-00/cluster-versions.yaml";
    private const string LaterStage = "kubernetes/apps/overlays/aks-myaks-prd-swn-00/cluster-versions.yaml";

    [Fact]
    public async Task This_repository_has_a_correct_comment_on_every_first_stage_pin_and_none_on_later_stages()
    {
        // Arrange
        using var repo = Fixture();

        // Act
        var findings = await FindingsAsync(repo);

        // Assert
        findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData(
        "a missing comment",
        "  # renovate: datasource=helm depName=external-secrets registryUrl=https://charts.external-secrets.io\n",
        "",
        "ESO_CHART_VERSION",
        "no '# renovate:' comment"
    )]
    [InlineData(
        "a depName that is not the chart the OCIRepository reads",
        "depName=ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set\n",
        "depName=ghcr.io/actions/gha-runner-scale-set\n",
        "# renovate: datasource=docker depName=ghcr.io/actions/gha-runner-scale-set",
        "Write `# renovate: datasource=docker depName=ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set`"
    )]
    [InlineData(
        "a registryUrl that is not the HelmRepository's URL",
        "registryUrl=https://charts.external-secrets.io\n",
        "registryUrl=https://charts.example.org\n",
        "# renovate: datasource=helm depName=external-secrets",
        "registryUrl=https://charts.external-secrets.io`"
    )]
    [InlineData(
        "a single-quoted value the regex managers cannot read",
        "ESO_CHART_VERSION: \"2.9.0\"",
        "ESO_CHART_VERSION: '2.9.0'",
        "ESO_CHART_VERSION: '2.9.0'",
        "double quotes"
    )]
    public async Task A_wrong_first_stage_pin_line_is_an_error_at_the_line_that_is_wrong(
        string what,
        string replace,
        string with,
        string expectedLineText,
        string message
    )
    {
        // Arrange
        using var repo = Fixture();
        var path = repo.Combine(FirstStage);
        var text = File.ReadAllText(path);
        text.Should().Contain(replace, "the case '{0}' edits a line of this repository's first stage", what);
        File.WriteAllText(path, text.Replace(replace, with, StringComparison.Ordinal));
        var lines = File.ReadAllLines(path);
        var expectedLine = Array.FindIndex(lines, l => l.Contains(expectedLineText, StringComparison.Ordinal)) + 1;

        // Act
        var findings = await FindingsAsync(repo);

        // Assert
        var finding = findings.Should().ContainSingle(what).Subject;
        finding["file"]!.GetValue<string>().Should().Be(FirstStage);
        finding["line"]!.GetValue<int>().Should().Be(expectedLine, what);
        finding["severity"]!.GetValue<string>().Should().Be("error");
        finding["message"]!.GetValue<string>().Should().Contain(message);
    }

    [Fact]
    public async Task A_comment_on_a_later_stage_pin_is_an_error_that_names_promotion()
    {
        // Arrange
        using var repo = Fixture();
        var path = repo.Combine(LaterStage);
        var lines = File.ReadAllLines(path).ToList();
        var pin = lines.FindIndex(l => l.TrimStart().StartsWith("ESO_CHART_VERSION:", StringComparison.Ordinal));
        lines.Insert(
            pin,
            "  # renovate: datasource=helm depName=external-secrets registryUrl=https://charts.external-secrets.io"
        );
        File.WriteAllLines(path, lines);

        // Act
        var findings = await FindingsAsync(repo);

        // Assert
        var finding = findings.Should().ContainSingle().Subject;
        finding["file"]!.GetValue<string>().Should().Be(LaterStage);
        finding["line"]!.GetValue<int>().Should().Be(pin + 1);
        finding["message"]!.GetValue<string>().Should().Contain("later stage").And.Contain("Promote");
    }

    private static TempDirectory Fixture()
    {
        var repo = new TempDirectory();
        DirectoryCopy.Tree(Path.Combine(RepositoryRoot.Path, "kubernetes"), repo.Combine("kubernetes"));
        repo.Write(".nuke/parameters.json", "{}");
        return repo;
    }

    /// <summary>The renovate-comment findings of <c>Validate --format json</c>.</summary>
    private static async Task<IReadOnlyList<JsonNode>> FindingsAsync(TempDirectory repo)
    {
        var output = repo.Combine("validate.json");
        var environment = new Dictionary<string, string>
        {
            ["SCHEMA_LOCATION"] = repo.Combine("no-schemas"),
            ["IGNORE_MISSING_SCHEMAS"] = "true",
        };
        var run = await InProcessBuild.RunAsync(
            repo.Path,
            ["Validate", "--format", "json", "--output", output],
            environment
        );
        File.Exists(output).Should().BeTrue(run.Output);
        return JsonNode.Parse(File.ReadAllText(output))!["findings"]!
            .AsArray()
            .Select(f => f!)
            .Where(f => f["rule"]!.GetValue<string>() == "renovate-comment")
            .ToList();
    }
}
