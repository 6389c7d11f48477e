using GitOpsRunners.Tests.Support;
using LibGit2Sharp;

namespace GitOpsRunners.Tests.Validation.Diff;

/// <summary>
/// The <c>two-clusters</c> fixture committed as a git repository of its own, so that <c>Diff --base HEAD</c> compares
/// the working tree against it, and the edits the Diff specs make in that working tree.
/// </summary>
internal static class DiffFixture
{
    public static TempDirectory Committed()
    {
        var repo = RepositoryCopy.OfFixture("two-clusters");
        Repository.Init(repo.Path);
        using var git = new Repository(repo.Path);
        Commands.Stage(git, "*");
        var signature = new Signature("Test", "test@example.invalid", DateTimeOffset.UnixEpoch.AddYears(56));
        git.Commit("fixture", signature, signature);
        return repo;
    }

    /// <summary>Sets the image of the web Deployment, which both clusters render.</summary>
    public static void SetImage(TempDirectory repo, string image)
    {
        var path = repo.Combine("kubernetes/apps/web/deployment.yaml");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("image: nginx:", StringComparison.Ordinal);
        var end = text.IndexOf('\n', start);
        File.WriteAllText(path, text[..start] + "image: " + image + text[end..]);
    }

    /// <summary>Replaces <paramref name="from"/> by <paramref name="to"/> in one file of the working tree.</summary>
    public static void Replace(TempDirectory repo, string file, string from, string to)
    {
        var path = repo.Combine(file);
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));
    }
}
