using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Tests.Rendering;

/// <summary>
/// The kustomize build cache on disk: a warm render reads every build instead of running kustomize and gives the
/// same clusters, an entry that fails its checksum is rebuilt, concurrent renders share one folder safely, and the
/// folder stays under its size limit.
/// </summary>
public sealed class KustomizeBuildCacheSpecs : IDisposable
{
    private readonly TempDirectory _repository = RepositoryCopy.OfFixture("two-clusters");
    private readonly TempDirectory _cacheFolder = new();

    [Fact]
    public async Task A_second_render_reads_every_build_from_the_cache_and_gives_the_same_clusters()
    {
        // Arrange
        var uncached = await RenderAsync(null);
        var cold = await RenderAsync(Cache());

        // Act
        var warm = await RenderAsync(Cache());

        // Assert
        cold.Builds.Should().BeGreaterThan(0);
        warm.Builds.Should().Be(0);
        warm.Hits.Should().Be(cold.Builds);
        warm.Text.Should().Be(uncached.Text);
        cold.Text.Should().Be(uncached.Text);
    }

    [Fact]
    public async Task Without_a_cache_every_build_runs_and_nothing_is_stored()
    {
        // Arrange
        var first = await RenderAsync(null);

        // Act
        var second = await RenderAsync(null);

        // Assert
        second.Builds.Should().Be(first.Builds).And.BeGreaterThan(0);
        Directory.EnumerateFiles(_cacheFolder.Path, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Theory]
    [InlineData("flipped byte")]
    [InlineData("torn write")]
    [InlineData("empty file")]
    public async Task A_corrupt_entry_is_rebuilt_never_trusted(string damage)
    {
        // Arrange
        var uncached = await RenderAsync(null);
        var cold = await RenderAsync(Cache());
        foreach (var entry in Entries())
        {
            var bytes = File.ReadAllBytes(entry);
            File.WriteAllBytes(
                entry,
                damage switch
                {
                    "flipped byte" => [.. bytes[..^2], (byte)(bytes[^2] ^ 0x20), bytes[^1]],
                    "torn write" => bytes[..(bytes.Length / 2)],
                    _ => [],
                }
            );
        }

        // Act
        var cache = Cache();
        var repaired = await RenderAsync(cache);
        var warm = await RenderAsync(Cache());

        // Assert
        repaired.Builds.Should().Be(cold.Builds);
        cache.Corrupt.Should().Be(cold.Builds);
        repaired.Text.Should().Be(uncached.Text);
        warm.Builds.Should().Be(0);
        warm.Text.Should().Be(uncached.Text);
    }

    [Fact]
    public async Task Two_renders_sharing_one_cache_folder_at_once_both_get_the_uncached_result()
    {
        // Arrange
        var uncached = await RenderAsync(null);

        // Act
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RenderAsync(Cache()))));
        var warm = await RenderAsync(Cache());

        // Assert
        runs.Select(r => r.Text).Should().AllBe(uncached.Text);
        warm.Builds.Should().Be(0);
        warm.Text.Should().Be(uncached.Text);
        Directory.EnumerateFiles(_cacheFolder.Path, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void A_whole_entry_reads_back_and_any_damage_to_it_reads_as_missing()
    {
        // Arrange
        var cache = Cache();
        var key = new string('a', 64);
        cache.Write(key, "kind: ConfigMap\n");
        var bytes = File.ReadAllBytes(cache.EntryPath(key));

        // Act
        var whole = cache.TryRead(key);
        File.WriteAllBytes(cache.EntryPath(key), [.. bytes, (byte)'\n']);
        var longer = cache.TryRead(key);

        // Assert
        whole.Should().Be("kind: ConfigMap\n");
        longer.Should().BeNull();
        File.Exists(cache.EntryPath(key)).Should().BeFalse("a corrupt entry is deleted");
    }

    [Fact]
    public void Pruning_deletes_the_least_recently_used_entries_until_the_folder_fits_its_limit()
    {
        // Arrange
        var cache = new KustomizeBuildCache(_cacheFolder.Path, limitBytes: 10_000);
        var keys = Enumerable.Range(0, 10).Select(i => i.ToString("x2").PadRight(64, '0')).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            cache.Write(keys[i], new string('x', 2_000));
            File.SetLastWriteTimeUtc(cache.EntryPath(keys[i]), DateTime.UtcNow.AddMinutes(i - 60));
        }

        cache.TryRead(keys[0]).Should().NotBeNull("reading an entry makes it the most recently used");

        // Act
        var deleted = cache.Prune();

        // Assert
        deleted.Should().BeGreaterThan(0);
        var kept = keys.Where(k => File.Exists(cache.EntryPath(k))).ToList();
        kept.Sum(k => new FileInfo(cache.EntryPath(k)).Length).Should().BeLessThanOrEqualTo(9_000);
        kept.Should().Contain(keys[0]).And.Contain(keys[^1]).And.NotContain(keys[1]);
    }

    [Fact]
    public void A_cache_under_its_limit_is_left_alone()
    {
        // Arrange
        var cache = Cache();
        cache.Write(new string('b', 64), "kind: Secret\n");

        // Act
        var deleted = cache.Prune();

        // Assert
        deleted.Should().Be(0);
        cache.TryRead(new string('b', 64)).Should().Be("kind: Secret\n");
    }

    public void Dispose()
    {
        _repository.Dispose();
        _cacheFolder.Dispose();
    }

    private KustomizeBuildCache Cache() => new(_cacheFolder.Path);

    private IEnumerable<string> Entries() =>
        Directory.EnumerateFiles(_cacheFolder.Path, "*.out", SearchOption.AllDirectories);

    private async Task<(int Builds, int Hits, string Text)> RenderAsync(KustomizeBuildCache? cache)
    {
        var kustomize = KustomizeCli.Locate();
        using var renderer = new FluxRenderer(kustomize, new RenderOptions { BuildCache = cache });
        var clusters = await renderer.RenderAllAsync(new RepositoryLayout(_repository.Path), CancellationToken.None);
        var text = string.Join(
            "\n",
            clusters.Select(c =>
                RenderedClusterWriter.ToYaml(c) + string.Join("\n", c.Findings.Select(f => f.ToString()))
            )
        );
        return (kustomize.Invocations.Count, cache?.Hits ?? 0, text);
    }
}
