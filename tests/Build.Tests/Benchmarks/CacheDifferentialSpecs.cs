using GitOpsRunners.Benchmarks;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Tests.Benchmarks;

/// <summary>
/// Validate's caches never change a verdict: after random edits to generated repositories, Validate with the
/// kustomize build cache and without it give byte-identical reports and rendered trees, and after one more edit or
/// none, the result cache gives the uncached report (the benchmark runs the same property at least 200 times with
/// <c>--property-runs</c>).
/// </summary>
public sealed class CacheDifferentialSpecs : IDisposable
{
    private readonly TempDirectory _work = new();

    [Fact]
    public async Task Cached_and_uncached_validate_agree_after_random_edits()
    {
        // Arrange
        // Schemas do not meet the cache, so they are left out to keep the suite fast.
        var differential = new CacheDifferential(KustomizeCli.Locate(), [Path.Combine(_work.Path, "no-schemas-here")]);

        // Act
        var result = await differential.RunAsync(_work.Path, runs: 24, edits: 4, seed: 1100, CancellationToken.None);

        // Assert
        result.Mismatches.Should().BeEmpty();
        result.CacheHits.Should().BeGreaterThan(0, "later runs meet entries of earlier ones");
        result
            .ReusedAnswers.Should()
            .BeInRange(1, result.Runs - 1, "about half the runs change nothing the second time");
    }

    public void Dispose() => _work.Dispose();
}
