using GitOpsRunners.Diagnostics;
using GitOpsRunners.Git;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Rules;
using NuGet.Versioning;

namespace GitOpsRunners.Tests.Validation.Rules;

public class RunnerAgePolicySpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private static string ScaleSet(string tag) =>
        $$$"""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: scale-set, namespace: flux-system}
            spec: {url: oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set, ref: {tag: 0.15.0}}
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: runners, namespace: arc}
            spec:
              chartRef: {kind: OCIRepository, name: scale-set, namespace: flux-system}
              values:
                template:
                  spec:
                    containers:
                      - name: runner
                        image: "ghcr.io/home-operations/actions-runner:{{{tag}}}@sha256:abc"
            """;

    private static ReleaseInfo Release(string version, int daysAgo) =>
        new(
            $"v{version}",
            SemanticVersion.Parse(version),
            Now.AddDays(-daysAgo),
            $"https://github.com/actions/runner/releases/tag/v{version}",
            false
        );

    [Fact]
    public void A_runner_on_the_newest_release_passes() =>
        TestCluster
            .Check(new RunnerAgePolicy([Release("2.337.0", 5), Release("2.336.0", 40)], Now), ScaleSet("2.337.0"))
            .Should()
            .BeEmpty();

    [Fact]
    public void A_runner_behind_a_release_older_than_30_days_is_an_error_naming_both_versions()
    {
        var finding = TestCluster.SingleFinding(
            new RunnerAgePolicy([Release("2.337.0", 5), Release("2.331.0", 45), Release("2.330.0", 80)], Now),
            ScaleSet("2.330.0")
        );

        finding
            .Should()
            .Match<Finding>(f =>
                f.Severity == Severity.Error
                && f.Message.Contains("runner 2.330.0 is behind actions/runner 2.337.0")
                && f.Message.Contains("2026-10-12")
            );
    }

    [Fact]
    public void A_runner_behind_a_recent_release_is_a_warning_with_the_days_left()
    {
        var finding = TestCluster.SingleFinding(
            new RunnerAgePolicy([Release("2.337.0", 10), Release("2.336.0", 60)], Now),
            ScaleSet("2.336.0")
        );

        finding.Should().Match<Finding>(f => f.Severity == Severity.Warning && f.Message.Contains("within 20 days"));
    }

    [Theory]
    [InlineData("ghcr.io/home-operations/actions-runner:2.330.0@sha256:abc", "2.330.0")]
    [InlineData("localhost:5000/runner:v2.331.1", "2.331.1")]
    [InlineData("ghcr.io/x/runner@sha256:abc", null)]
    [InlineData("ghcr.io/x/runner:latest", null)]
    public void The_runner_version_is_read_from_the_image_tag(string image, string? expected)
    {
        var version = RunnerAgePolicy.RunnerVersion(image)?.ToNormalizedString();

        version.Should().Be(expected);
    }
}
