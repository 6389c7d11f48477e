using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Tests.Fidelity;

/// <summary>
/// Masking hides exactly what came from a Secret, as <c>flux build</c> masks Secret data: the values of Secrets,
/// and the spans that kustomize_varsub.go's <c>varSubstitution</c> filled from a Secret's keys; equal text that did
/// not come from the Secret stays readable.
/// </summary>
public sealed class SecretMaskingFidelitySpecs : FidelitySpecs
{
    [Fact(Timeout = 60_000)]
    public async Task Only_the_substituted_span_is_masked_and_equal_text_elsewhere_stays()
    {
        // Act
        var rendered = await RenderWithEnvSecretAsync(
            "TEAM: app",
            "stringData:\n  ENV: prod\n",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app-prod
              namespace: flux-system
              labels:
                prod: "true"
            data:
              url: https://${ENV}.example.com/${ENV}/${TEAM}
              quoted: "${ENV}"
              note: production traffic goes to prod-eu, the ${TEAM} team owns it
              script: |
                echo prod
                deploy --env=${ENV} --target=prod
            """
        );

        // Assert
        rendered.Findings.Should().BeEmpty();
        var app = rendered
            .Objects.Single(o => o.Manifest.Kind == "ConfigMap" && o.AppliedBy == "flux-system/apps")
            .Manifest;
        app.Name.Should().Be("app-prod");
        app.Body.ScalarAt("metadata", "labels", "prod").Should().Be("true");
        app.Body.ScalarAt("data", "url").Should().Be("https://..PLACEHOLDER_ENV...example.com/..PLACEHOLDER_ENV../app");
        app.Body.ScalarAt("data", "quoted").Should().Be("..PLACEHOLDER_ENV..");
        app.Body.ScalarAt("data", "note").Should().Be("production traffic goes to prod-eu, the app team owns it");
        app.Body.ScalarAt("data", "script").Should().Be("echo prod\ndeploy --env=..PLACEHOLDER_ENV.. --target=prod");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_secret_value_overridden_by_inline_substitute_is_not_masked()
    {
        // Act: inline substitute overwrites substituteFrom values, so the value no longer comes from the Secret
        var rendered = await RenderWithEnvSecretAsync(
            "ENV: staging",
            "data:\n  ENV: cHJvZA==\n",
            FidelityRepository.ConfigMap("app", "  env: ${ENV}\n")
        );

        // Assert
        rendered.Findings.Should().BeEmpty();
        rendered
            .Objects.Single(o => o.Manifest.Name == "app")
            .Manifest.Body.ScalarAt("data", "env")
            .Should()
            .Be("staging");
        rendered
            .Objects.Single(o => o.Manifest.Kind == "Secret")
            .Manifest.Body.ScalarAt("data", "ENV")
            .Should()
            .NotBe("cHJvZA==");
    }

    /// <summary>
    /// Renders <c>apps</c> (<paramref name="appYaml"/>) substituting <paramref name="inline"/> and, from the Secret
    /// <c>env</c> that <c>config</c> applies with <paramref name="secretData"/>, its keys.
    /// </summary>
    private Task<RenderedCluster> RenderWithEnvSecretAsync(string inline, string secretData, string appYaml) =>
        Repo.RenderAppsAfterAsync(
            "config",
            $"postBuild:\n  substitute:\n    {inline}\n  substituteFrom:\n    - kind: Secret\n      name: env\n",
            "secret.yaml",
            $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: env\n  namespace: flux-system\n{secretData}",
            appYaml
        );
}
