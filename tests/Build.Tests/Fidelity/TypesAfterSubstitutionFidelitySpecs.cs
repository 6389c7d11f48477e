using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation.Schemas;
using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Tests.Fidelity;

/// <summary>
/// kustomize-controller's <c>varSubstitution</c> (fluxcd/pkg kustomize_varsub.go) reads the substituted text with
/// sigs.k8s.io/yaml <c>YAMLToJSON</c>, i.e. go-yaml v2's YAML 1.1 <c>resolve</c>: what a substituted plain scalar
/// becomes is what the API server receives.
/// </summary>
public sealed class TypesAfterSubstitutionFidelitySpecs : FidelitySpecs
{
    [Fact(Timeout = 120_000)]
    public async Task A_yes_substituted_into_config_map_data_is_a_boolean_and_the_api_servers_schema_error()
    {
        // Arrange: kustomize drops the quotes around "${FLAG}" before Flux substitutes, so only Flux's documented
        // ${quote} variable keeps a string
        WriteApp(
            "  FEATURE: ${FLAG}\n  QUOTED: \"${FLAG}\"\n  SAFE: ${quote}${FLAG}${quote}\n  PERMS: ${PERMS}\n",
            "    FLAG: \"yes\"\n    PERMS: \"0750\"\n    quote: '\"'\n"
        );

        // Act
        var result = await Repo.ValidateAsync();
        var rendered = await Repo.RenderAsync();

        // Assert
        var data = AppDataAsJson(rendered);
        data["FEATURE"]!.Type.Should().Be(JTokenType.Boolean);
        data["QUOTED"]!.Type.Should().Be(JTokenType.Boolean);
        data["SAFE"]!.Value<string>().Should().Be("yes");
        data["PERMS"]!.Value<long>().Should().Be(488);
        if (result is null)
        {
            return;
        }

        var errors = result.Report.Findings.Where(f => f.Severity == Severity.Error).ToList();
        errors.Should().HaveCount(3, string.Join('\n', errors));
        errors.Should().AllSatisfy(f => f.RuleId.Should().Be(ManifestSchemaValidator.SchemaRule.Id));
        errors
            .Select(f => f.Message)
            .Should()
            .Contain(m =>
                m.Contains("/data/FEATURE", StringComparison.Ordinal) && m.Contains("boolean", StringComparison.Ordinal)
            );
        errors.Should().AllSatisfy(f => f.Location!.File.Should().Be("kubernetes/apps/app.yaml"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_substituted_number_where_a_number_belongs_stays_a_number_and_a_quoted_one_a_string()
    {
        // Arrange
        WriteApp(
            "  count: ${quote}${COUNT}${quote}\n  ratio: ${RATIO}\n  when: ${WHEN}\n",
            "    quote: '\"'\n    COUNT: \"1_000\"\n    RATIO: \"1e3\"\n    WHEN: \"2024-01-02\"\n"
        );

        // Act
        var rendered = await Repo.RenderAsync();

        // Assert
        var data = AppDataAsJson(rendered);
        data["count"]!.Value<string>().Should().Be("1_000");
        data["ratio"]!.Value<long>().Should().Be(1000);
        data["when"]!.Value<string>().Should().Be("2024-01-02");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_substituted_infinity_cannot_become_json_and_fails_like_yaml_to_json()
    {
        // Arrange
        WriteApp("  limit: ${LIMIT}\n", "    LIMIT: \".inf\"\n");

        // Act
        var rendered = await Repo.RenderAsync();

        // Assert
        var finding = rendered.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(RenderRules.Substitution.Id);
        finding.Message.Should().Contain("json: unsupported value: +Inf");
        rendered.Objects.Should().NotContain(o => o.Manifest.Name == "app");
    }

    /// <summary>The data of the ConfigMap <c>app</c> as the API server reads it: YAML converted to JSON.</summary>
    private static JToken AppDataAsJson(RenderedCluster rendered) =>
        YamlJsonConverter.Convert(Named(rendered, "app").Body)["data"]!;

    private void WriteApp(string data, string substitute) =>
        Repo.WriteKustomization("apps", "postBuild:\n  substitute:\n" + substitute)
            .Write("kubernetes/apps/app.yaml", FidelityRepository.ConfigMap("app", data));
}
