using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Support.Charts;

namespace GitOpsRunners.Tests.Charts;

/// <summary>
/// The story this check exists for, end to end through <c>./build.sh Validate</c>: an ExternalSecret at
/// <c>external-secrets.io/v1beta1</c> is fine while the pinned External Secrets chart still serves that version, and
/// is an error naming the chart version once the pin moves to a chart whose CRDs dropped it.
/// </summary>
public sealed class ExternalSecretsUpgradeSpecs : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _repo = new();
    private HelmChartServer _charts = null!;

    public async Task InitializeAsync()
    {
        _charts = await HelmChartServer.StartAsync();
        _charts
            .Add(
                Chart(
                    "0.16.2",
                    ChartPackage.CrdVersion("v1beta1", storage: false) + ChartPackage.CrdVersion("v1", storage: true)
                )
            )
            .Add(Chart("0.17.0", ChartPackage.CrdVersion("v1", storage: true)));
    }

    public Task DisposeAsync() => _charts.DisposeAsync().AsTask();

    public void Dispose() => _repo.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task A_v1beta1_external_secret_passes_with_the_old_chart_and_fails_with_the_chart_that_dropped_it()
    {
        // Arrange
        Write("0.16.2");
        var before = await ValidateAsync();
        Write("0.17.0");

        // Act
        var after = await ValidateAsync();

        // Assert
        before.ExitCode.Should().Be(ExitCodes.Success, before.Output);
        before.Output.Should().NotContain("chart-crd-version");
        after.ExitCode.Should().Be(ExitCodes.TargetFailed, after.Output);
        after
            .Output.Should()
            .Contain(
                "kubernetes/apps/externalsecret.yaml:2:1: error chart-crd-version external-secrets.io/v1beta1 is not served by the CRDs of chart external-secrets 0.17.0; use v1"
            );
    }

    private static ChartPackage Chart(string version, string versions) =>
        new ChartPackage("external-secrets", version).With(
            "templates/crds/externalsecret.yaml",
            "{{- if .Values.installCRDs }}\n"
                + ChartPackage.Crd("external-secrets.io", "ExternalSecret", versions)
                + "{{- end }}\n"
        );

    private void Write(string chartVersion)
    {
        _repo.Write(
            "kubernetes/clusters/one/apps.yaml",
            """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: apps
              namespace: flux-system
            spec:
              interval: 10m
              prune: true
              path: ./kubernetes/apps
              sourceRef:
                kind: GitRepository
                name: flux-system
            """
        );
        _repo.Write(
            "kubernetes/apps/externalsecret.yaml",
            """
            ---
            apiVersion: external-secrets.io/v1beta1
            kind: ExternalSecret
            metadata:
              name: token
              namespace: apps
            spec:
              name: token

            """
        );
        _repo.Write(
            "kubernetes/apps/release.yaml",
            $"""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: external-secrets
              namespace: apps
            spec:
              interval: 1h
              url: {_charts.Url}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: external-secrets
              namespace: apps
            spec:
              interval: 30m
              chart:
                spec:
                  chart: external-secrets
                  version: "{chartVersion}"
                  sourceRef:
                    kind: HelmRepository
                    name: external-secrets
              values:
                installCRDs: true

            """
        );
    }

    private Task<BuildRun> ValidateAsync() =>
        InProcessBuild.RunAsync(
            _repo.Path,
            [
                "Validate",
                "--schema-location",
                _repo.Combine("no-schemas/{{.ResourceKind}}.json"),
                "--ignore-missing-schemas",
                "--disable-rules",
                "policy-deprecated-api",
                "--registry-retries",
                "0",
            ]
        );
}
