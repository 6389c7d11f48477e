using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Fidelity;

/// <summary>
/// Where post-build variables come from, following fluxcd/pkg <c>kustomize.LoadVariables</c> and
/// <c>varSubstitution</c> (kustomize_varsub.go), and what the cluster itself provides when Flux reconciles.
/// </summary>
public sealed class PostBuildVariablesFidelitySpecs : FidelitySpecs
{
    [Fact(Timeout = 60_000)]
    public async Task An_invalid_variable_name_fails_only_its_kustomization_at_the_key_that_defines_it()
    {
        // Arrange: varSubstitution refuses a name not matching ^[_[:alpha:]][_[:alpha:][:digit:]]*$
        Repo.Write(
                "kubernetes/clusters/one/ks.yaml",
                FluxYaml.Kustomization(
                    "apps",
                    "./kubernetes/apps",
                    "postBuild:\n  substitute:\n    GOOD: one\n    my-var: two\n"
                )
                    + "---\n"
                    + FluxYaml.Kustomization("other", "./kubernetes/other")
            )
            .Write("kubernetes/apps/app.yaml", FidelityRepository.ConfigMap("app", "  value: ${GOOD}\n"))
            .Write("kubernetes/other/other.yaml", FidelityRepository.ConfigMap("other", "  value: plain\n"));

        // Act
        var rendered = await Repo.RenderAsync();

        // Assert
        var finding = rendered.Findings.Should().ContainSingle(f => f.Severity == Severity.Error).Subject;
        finding.RuleId.Should().Be(RenderRules.Substitution.Id);
        finding.Message.Should().Contain("flux-system/apps").And.Contain("'my-var'").And.NotContain("'GOOD'");
        finding.Location.Should().Be(new SourceLocation("kubernetes/clusters/one/ks.yaml", 16, 7));
        rendered.Objects.Should().NotContain(o => o.Manifest.Name == "app");
        rendered.Objects.Should().Contain(o => o.Manifest.Name == "other");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_invalid_name_in_a_substitute_from_config_map_points_at_its_data_key()
    {
        // Act
        var rendered = await RenderAfterSettingsAsync("  OK: yes-ok\n  9LIVES: cat\n", "  value: ${OK}\n");

        // Assert
        var finding = rendered.Findings.Should().ContainSingle(f => f.Severity == Severity.Error).Subject;
        finding.Message.Should().Contain("'9LIVES'");
        finding.Location.Should().Be(new SourceLocation("kubernetes/config/settings.yaml", 8, 3));
    }

    [Fact(Timeout = 60_000)]
    public async Task Binary_data_of_a_config_map_is_not_a_source_of_variables()
    {
        // Act: LoadVariables reads cm.Data only
        var rendered = await RenderAfterSettingsAsync(
            "  TEXT: text\nbinaryData:\n  BLOB: YmxvYg==\n",
            "  text: ${TEXT}\n  blob: ${BLOB}\n"
        );

        // Assert
        var finding = rendered.Findings.Should().ContainSingle(f => f.Severity == Severity.Error).Subject;
        finding.RuleId.Should().Be(RenderRules.Substitution.Id);
        finding.Message.Should().Contain("BLOB").And.Contain("variable not set (strict mode)");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_secret_an_external_secret_writes_exists_and_its_keys_substitute_as_masked_placeholders()
    {
        // Act
        var rendered = await RenderAfterExternalSecretAsync(
            "  data:\n    - secretKey: API_TOKEN\n      remoteRef:\n        key: api-token\n",
            "  token: Bearer ${API_TOKEN}\n"
        );

        // Assert
        rendered.Findings.Should().BeEmpty();
        Named(rendered, "app").Body.ScalarAt("data", "token").Should().Be("Bearer ..PLACEHOLDER_API_TOKEN..");
    }

    [Fact(Timeout = 60_000)]
    public async Task Variables_an_external_secret_may_bring_through_data_from_are_one_warning_not_errors()
    {
        // Act
        var rendered = await RenderAfterExternalSecretAsync(
            "  dataFrom:\n    - extract:\n        key: cluster\n",
            "  user: ${DB_USER}\n  password: ${DB_PASSWORD}\n  region: ${REGION}\n",
            "postBuild:\n  substitute:\n    REGION: westeurope\n  substituteFrom:\n    - kind: Secret\n      name: cluster-secrets\n"
        );

        // Assert
        var warning = rendered.Findings.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(Severity.Warning);
        warning.RuleId.Should().Be(RenderRules.SubstitutionUnknown.Id);
        warning
            .Message.Should()
            .Contain("${DB_PASSWORD}, ${DB_USER}")
            .And.Contain("ExternalSecret flux-system/cluster-secrets");
        var app = Named(rendered, "app");
        app.Body.ScalarAt("data", "user").Should().Be("..PLACEHOLDER_DB_USER..");
        app.Body.ScalarAt("data", "region").Should().Be("westeurope");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_substitute_from_secret_nothing_applies_or_writes_is_still_missing()
    {
        // Act: an ExternalSecret with creationPolicy None writes no Secret
        var rendered = await RenderAfterExternalSecretAsync(
            "  target:\n    creationPolicy: None\n  dataFrom:\n    - extract:\n        key: cluster\n",
            "  user: ${DB_USER}\n"
        );

        // Assert
        rendered
            .Findings.Should()
            .ContainSingle(f => f.RuleId == RenderRules.SubstituteFromMissing.Id)
            .Which.Message.Should()
            .Contain("Secret flux-system/cluster-secrets");
    }

    /// <summary><c>apps</c> substitutes from the ConfigMap <c>settings</c> (these data lines) that <c>config</c> applies.</summary>
    private Task<RenderedCluster> RenderAfterSettingsAsync(string settingsData, string appData) =>
        Repo.RenderAppsAfterAsync(
            "config",
            FidelityRepository.SubstituteFrom("ConfigMap", "settings"),
            "settings.yaml",
            FidelityRepository.ConfigMap("settings", settingsData),
            FidelityRepository.ConfigMap("app", appData)
        );

    /// <summary>
    /// <c>apps</c> (by default substituting from the Secret <c>cluster-secrets</c>) after <c>stores</c>, which applies
    /// the ExternalSecret <c>cluster-secrets</c> of the ClusterSecretStore <c>vault</c> with these spec lines.
    /// </summary>
    private Task<RenderedCluster> RenderAfterExternalSecretAsync(
        string externalSecretSpec,
        string appData,
        string? appsSpec = null
    ) =>
        Repo.RenderAppsAfterAsync(
            "stores",
            appsSpec ?? FidelityRepository.SubstituteFrom("Secret", "cluster-secrets"),
            "external-secret.yaml",
            $"apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: cluster-secrets\n  namespace: flux-system\nspec:\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: vault\n{externalSecretSpec}",
            FidelityRepository.ConfigMap("app", appData)
        );
}
