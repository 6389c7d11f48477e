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

    /// <summary>The build project whose .nuke/temp caches fetched charts, as build.sh names it.</summary>
    private readonly TempDirectory _project = new();
    private HelmChartServer _charts = null!;
    private byte[] _archive0170 = [];
    private bool _stopped;

    public async Task InitializeAsync()
    {
        _charts = await ExternalSecretsCharts.ServeAsync();
        _archive0170 = ExternalSecretsCharts.DroppedV1Beta1.Pack();
    }

    public Task DisposeAsync() => _stopped ? Task.CompletedTask : _charts.DisposeAsync().AsTask();

    public void Dispose()
    {
        _repo.Dispose();
        _project.Dispose();
    }

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

    [Fact(Timeout = 120_000)]
    public async Task The_lock_pins_the_charts_crd_schema_with_its_digest_and_validate_falls_back_to_it_offline()
    {
        // Arrange
        Write("0.17.0", externalSecretVersion: "v1");
        var locked = await RunAsync("Schemas", "--lock");
        var lockText = File.ReadAllText(_repo.Combine(".nuke/schemas/lock.json"));
        await _charts.DisposeAsync();
        _stopped = true;
        Directory.Delete(_project.Combine(".nuke/temp/charts"), recursive: true);
        Write("0.17.0", externalSecretVersion: "v1", name: "5");

        // Act
        var offline = await ValidateAsync();

        // Assert
        locked.ExitCode.Should().Be(ExitCodes.Success, locked.Output);
        lockText.Should().Contain("\"type\": \"chart\"");
        lockText
            .Should()
            .Contain($"\"digest\": \"sha256:{ChartPackage.Sha256Hex(_archive0170)}\"", "the chart archive's digest");
        offline.ExitCode.Should().Be(ExitCodes.TargetFailed, offline.Output);
        OnlyLineWith(offline, "chart-unavailable").Should().Contain("chart external-secrets 0.17.0");
        offline.Output.Should().Contain("error schema").And.Contain("/spec/name");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_bump_to_the_chart_that_dropped_v1beta1_says_so_before_its_pull_request_is_opened()
    {
        // Arrange
        WriteBumpable("0.16.2");

        // Act
        var bump = await InProcessBuild.RunAsync(
            _repo.Path,
            ["Bump", "--dry-run", "--registry-retries", "0", "--github-api-url", "http://127.0.0.1:9"]
        );

        // Assert
        bump.ExitCode.Should().Be(ExitCodes.Success, bump.Output);
        bump.Output.Should().Contain("0.17.0");
        bump.Output.Should()
            .Contain("Validate fails with this change")
            .And.Contain(
                "external-secrets.io/v1beta1 is not served by the CRDs of chart external-secrets 0.17.0; use v1"
            );
    }

    [Fact(Timeout = 120_000)]
    public async Task Each_cluster_is_checked_against_the_chart_version_it_pins()
    {
        // Arrange
        WriteBumpable("0.16.2");
        _repo.Write("kubernetes/promotion.yaml", "stages:\n  - one\n  - two\n");
        _repo.Write(
            "kubernetes/clusters/two/apps.yaml",
            File.ReadAllText(_repo.Combine("kubernetes/clusters/one/apps.yaml"))
        );
        _repo.Write(
            "kubernetes/clusters/two/cluster-versions.yaml",
            File.ReadAllText(_repo.Combine("kubernetes/clusters/one/cluster-versions.yaml")).Replace("0.16.2", "0.17.0")
        );

        // Act
        var result = await ValidateAsync();

        // Assert
        result.ExitCode.Should().Be(ExitCodes.TargetFailed, result.Output);
        OnlyLineWith(result, "error chart-crd-version")
            .Should()
            .Contain("chart external-secrets 0.17.0")
            .And.Contain("(two ExternalSecret/apps/token)");
    }

    private void WriteBumpable(string chartVersion)
    {
        Write("${ESO_CHART_VERSION}");
        _repo.Write("kubernetes/promotion.yaml", "stages:\n  - one\n");
        _repo.Write(
            "kubernetes/clusters/one/cluster-versions.yaml",
            ExternalSecretsCharts.ClusterVersions(chartVersion)
        );
        _repo.Write(
            "kubernetes/clusters/one/apps.yaml",
            FluxYaml.Kustomization("apps", "./kubernetes/apps", spec: PostBuildYaml.SubstituteFrom("cluster-versions"))
        );
    }

    private void Write(string chartVersion, string externalSecretVersion = "v1beta1", string name = "token")
    {
        _repo.Write("kubernetes/clusters/one/apps.yaml", FluxYaml.Kustomization("apps", "./kubernetes/apps"));
        _repo.Write(
            "kubernetes/apps/externalsecret.yaml",
            $"""
            ---
            apiVersion: external-secrets.io/{externalSecretVersion}
            kind: ExternalSecret
            metadata:
              name: token
              namespace: apps
            spec:
              name: {name}

            """
        );
        _repo.Write(
            "kubernetes/apps/release.yaml",
            ChartChecks.HelmRelease(_charts.Url, "external-secrets", chartVersion, "    installCRDs: true\n")
        );
    }

    /// <summary>The one output line of <paramref name="run"/> containing <paramref name="text"/>; fails when there are none or several.</summary>
    private static string OnlyLineWith(BuildRun run, string text) =>
        run.Output.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal)).Should().ContainSingle().Subject;

    private Task<BuildRun> ValidateAsync() => RunAsync("Validate", "--disable-rules", "policy-deprecated-api");

    private Task<BuildRun> RunAsync(params string[] target) =>
        InProcessBuild.RunAsync(
            _repo.Path,
            [
                .. target,
                "--schema-location",
                _repo.Combine("no-schemas/{{.ResourceKind}}.json"),
                "--ignore-missing-schemas",
                "--registry-retries",
                "0",
            ],
            new Dictionary<string, string> { ["BUILD_ROOT_DIRECTORY"] = _project.Path }
        );
}
