using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation.Caching;

namespace GitOpsRunners.Tests.Validation.Caching;

public sealed class InputSnapshotSpecs : IDisposable
{
    private readonly TempDirectory _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_rewrite_that_keeps_size_and_write_time_is_still_seen_when_it_follows_the_snapshot_closely()
    {
        // Arrange
        var path = _repo.Write("kubernetes/a.yaml", "value: 1\n");
        var written = File.GetLastWriteTimeUtc(path);
        var before = InputSnapshot.Take(_repo.Path, [], null);

        // Act: same length, same write time, other bytes
        File.WriteAllText(path, "value: 2\n");
        File.SetLastWriteTimeUtc(path, written);
        var after = InputSnapshot.Take(_repo.Path, [], before);

        // Assert
        after.SameContentAs(before).Should().BeFalse();
    }

    [Fact]
    public void Git_refs_count_but_git_objects_and_excluded_folders_do_not()
    {
        // Arrange
        _repo.Write("kubernetes/a.yaml", "value: 1\n");
        _repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        var branch = _repo.Write(".git/refs/heads/main", "1111111111111111111111111111111111111111\n");
        var excluded = _repo.Combine(".nuke/temp");
        var before = InputSnapshot.Take(_repo.Path, [excluded], null);

        // Act
        _repo.Write(".git/objects/11/11111111111111111111111111111111111111", "blob");
        _repo.Write(".nuke/temp/cache/entry.out", "anything");
        var unchanged = InputSnapshot.Take(_repo.Path, [excluded], before);
        File.WriteAllText(branch, "2222222222222222222222222222222222222222\n");
        var moved = InputSnapshot.Take(_repo.Path, [excluded], before);

        // Assert
        unchanged.SameContentAs(before).Should().BeTrue();
        moved.SameContentAs(before).Should().BeFalse();
        before.Files.Select(f => f.Path).Should().Equal(".git/HEAD", ".git/refs/heads/main", "kubernetes/a.yaml");
    }

    [Fact]
    public void A_removed_file_changes_the_snapshot()
    {
        // Arrange
        _repo.Write("kubernetes/a.yaml", "value: 1\n");
        var extra = _repo.Write("kubernetes/b.yaml", "value: 2\n");
        var before = InputSnapshot.Take(_repo.Path, [], null);

        // Act
        File.Delete(extra);
        var after = InputSnapshot.Take(_repo.Path, [], before);

        // Assert
        after.SameContentAs(before).Should().BeFalse();
    }
}
