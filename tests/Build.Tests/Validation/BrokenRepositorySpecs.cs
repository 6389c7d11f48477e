using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Validation.Schemas;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Tests.Validation;

/// <summary>Each broken repository under Fixtures/broken yields its located finding; Validate exits 1 on it and never crashes.</summary>
public class BrokenRepositorySpecs
{
    public static TheoryData<string, string, string, int> Cases =>
        new()
        {
            { "yaml-syntax", "yaml-syntax", "apps/settings.yaml", 9 },
            { "duplicate-key", "yaml-duplicate-key", "apps/settings.yaml", 9 },
            { "missing-path", "flux-path-missing", "clusters/test/apps.yaml", 13 },
            { "kustomize-error", "kustomize-build", "apps/kustomization.yaml", 1 },
            { "unresolved-variable", "flux-substitution", "apps/settings.yaml", 9 },
            { "dependson-cycle", "flux-dependson-cycle", "clusters/test/apps.yaml", 0 },
            { "dangling-sourceref", "ref-source", "apps/release.yaml", 9 },
            { "duplicate-object", "duplicate-object", "more/settings.yaml", 0 },
            { "empty-kustomization", "kustomize-build", "apps/kustomization.yaml", 1 },
            { "orphan-kustomization", "kustomize-build", "unused/kustomization.yaml", 1 },
            { "plaintext-secret", "policy-plaintext-secret", "apps/secret.yaml", 7 },
            { "removed-api-version", "policy-deprecated-api", "apps/release.yaml", 2 },
        };

    public static TheoryData<string, string, string, int> SchemaCases =>
        new()
        {
            { "unknown-kind", "schema-missing", "apps/widget.yaml", 2 },
            { "unknown-field", "schema", "apps/settings.yaml", 9 },
            { "wrong-type", "schema", "apps/deployment.yaml", 8 },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_repository_yields_its_located_finding(string name, string rule, string file, int line)
    {
        var result = await ValidateAsync(name);

        AssertFinding(result, rule, file, line);
    }

    [Theory]
    [MemberData(nameof(SchemaCases))]
    public async Task A_schema_violation_is_located_in_its_source_file(string name, string rule, string file, int line)
    {
        if (SharedData.SchemasRoot is null)
        {
            return;
        }

        var result = await ValidateAsync(name);

        AssertFinding(result, rule, file, line);
    }

    [Theory]
    [InlineData("yaml-syntax")]
    [InlineData("missing-path")]
    [InlineData("unresolved-variable")]
    [InlineData("dependson-cycle")]
    [InlineData("plaintext-secret")]
    public async Task Validate_exits_with_1_and_prints_the_finding_as_file_line(string name)
    {
        var environment = new Dictionary<string, string>
        {
            ["SCHEMA_LOCATION"] = string.Join(';', SharedSchemaValidation.LocationsOrNone()),
            ["IGNORE_MISSING_SCHEMAS"] = "true",
        };

        var (exitCode, output) = await InProcessBuild.RunAsync(
            FixtureRepository.Path($"broken/{name}"),
            ["Validate", "--root", "."],
            environment
        );

        exitCode.Should().Be(ExitCodes.TargetFailed);
        output.Should().MatchRegex(@"(?m)^\s*[\w/.-]+\.yaml:\d+(:\d+)?: error [a-z-]+ ");
        output.Should().NotContain("   at ");
    }

    private static void AssertFinding(ValidationResult result, string rule, string file, int line)
    {
        var findings = result.Report.Findings;
        findings.Should().Contain(f => f.RuleId == rule, because: $"the findings were:\n{string.Join('\n', findings)}");
        findings
            .Should()
            .Contain(
                f => f.RuleId == rule && f.Location != null && f.Location.File == file,
                because: $"the findings were:\n{string.Join('\n', findings)}"
            );
        var finding = findings.First(f => f.RuleId == rule && f.Location!.File == file);
        if (line > 0)
        {
            finding.Location!.Line.Should().Be(line, because: finding.ToString());
        }

        result.Report.Errors.Should().BeGreaterThan(0);
    }

    private static async Task<ValidationResult> ValidateAsync(string name)
    {
        using var cache = new TempDirectory();
        return await SharedSchemaValidation.RunAsync(
            FixtureRepository.Path($"broken/{name}"),
            ".",
            SharedSchemaValidation.LocationsOrNone(),
            SharedData.SchemasRoot is null,
            cache.Path
        );
    }
}
