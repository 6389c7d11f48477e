using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Faults;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Support.Charts;
using GitOpsRunners.Tests.Support.Git;

namespace GitOpsRunners.Tests.Charts;

/// <summary>
/// Promote validates the receiving cluster with the promoted chart versions: production still holds an
/// <c>external-secrets.io/v1beta1</c> ExternalSecret, so carrying the test cluster's chart that dropped v1beta1 on to
/// it is refused, naming that chart version, and nothing is written.
/// </summary>
public sealed class ChartAwarePromotionSpecs : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _project = new();
    private HelmChartServer _charts = null!;
    private GitSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _charts = await ExternalSecretsCharts.ServeAsync();
        _sandbox = new GitSandbox(Seed, GitSandbox.Epoch, "two stages of External Secrets");
    }

    public Task DisposeAsync() => _charts.DisposeAsync().AsTask();

    public void Dispose()
    {
        _sandbox.Dispose();
        _project.Dispose();
    }

    [Fact(Timeout = 120_000)]
    public async Task Promoting_a_chart_that_no_longer_serves_the_next_stages_api_version_is_refused()
    {
        // Arrange
        var before = TreeState.Of(_sandbox.WorkPath);

        // Act
        var run = await InProcessBuild.RunAsync(
            _sandbox.WorkPath,
            [
                "Promote",
                "--from",
                "one",
                "--schema-location",
                Path.Combine(_sandbox.WorkPath, "no-schemas/{{.ResourceKind}}.json"),
                "--ignore-missing-schemas",
                "--disable-rules",
                "policy-deprecated-api",
                "--registry-retries",
                "0",
            ],
            new Dictionary<string, string> { ["BUILD_ROOT_DIRECTORY"] = _project.Path }
        );

        // Assert
        run.ExitCode.Should().NotBe(ExitCodes.Success, run.Output);
        run.Output.Should()
            .Contain("external-secrets.io/v1beta1 is not served by the CRDs of chart external-secrets 0.17.0; use v1");
        TreeState.Of(_sandbox.WorkPath).Should().Equal(before);
    }

    private void Seed(string work)
    {
        void Write(string path, string text)
        {
            var full = Path.Combine(work, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        Write("kubernetes/promotion.yaml", "stages:\n  - one\n  - two\n");
        Write(
            "kubernetes/chart/release.yaml",
            ChartChecks.HelmRelease(_charts.Url, "external-secrets", "${ESO_CHART_VERSION}", "    installCRDs: true\n")
        );
        Write("kubernetes/chart/kustomization.yaml", "resources:\n  - release.yaml\n");
        foreach (var (cluster, version, api) in new[] { ("one", "0.17.0", "v1"), ("two", "0.16.2", "v1beta1") })
        {
            Write(
                $"kubernetes/clusters/{cluster}/cluster-versions.yaml",
                ExternalSecretsCharts.ClusterVersions(version)
            );
            Write($"kubernetes/clusters/{cluster}/apps.yaml", Apps(cluster));
            Write($"kubernetes/secrets/{cluster}/externalsecret.yaml", ExternalSecret(api));
        }
    }

    private static string Apps(string cluster) =>
        FluxYaml.Kustomization("chart", "./kubernetes/chart", spec: PostBuildYaml.SubstituteFrom("cluster-versions"))
        + "---\n"
        + FluxYaml.Kustomization("secrets", $"./kubernetes/secrets/{cluster}");

    private static string ExternalSecret(string api) =>
        $"""
            apiVersion: external-secrets.io/{api}
            kind: ExternalSecret
            metadata:
              name: token
              namespace: apps
            spec:
              refreshInterval: 1h

            """;
}
