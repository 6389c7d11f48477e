using System.Text.RegularExpressions;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;
using LibGit2Sharp;

namespace GitOpsRunners.Tests.Promotion;

/// <summary>
/// A clone holding a copy of this repository's <c>kubernetes/</c> tree (without renovate.json), first committed
/// at <paramref name="initial"/> on <c>main</c> and pushed to a bare <c>origin</c> on a local path.
/// </summary>
internal sealed partial class PromotionRepository : IDisposable
{
    public const string Tst = "aks-myaks-tst-swn-00";
    public const string Prd = "aks-myaks-prd-swn-00";

    private readonly TempDirectory _temp = new();

    public PromotionRepository(DateTimeOffset initial)
    {
        Repository.Init(OriginPath, isBare: true);
        using (var origin = new Repository(OriginPath))
        {
            origin.Refs.UpdateTarget("HEAD", "refs/heads/main");
        }

        Repository.Init(WorkPath);
        using (var work = new Repository(WorkPath))
        {
            work.Refs.UpdateTarget("HEAD", "refs/heads/main");
            work.Network.Remotes.Add("origin", OriginPath);
        }

        var source =
            RootDirectoryLocator.Find(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}.");
        Copy(Path.Combine(source, "kubernetes"), Path.Combine(WorkPath, "kubernetes"));
        File.WriteAllText(Path.Combine(WorkPath, ".gitignore"), ".nuke/temp/\n");
        InitialSha = Commit(initial, "Initial state");
    }

    public string WorkPath => _temp.Combine("work");

    public string OriginPath => _temp.Combine("origin.git");

    public string InitialSha { get; }

    public static string VersionsFile(string cluster) => $"kubernetes/apps/overlays/{cluster}/cluster-versions.yaml";

    public static string SettingsFile(string cluster) => $"kubernetes/apps/overlays/{cluster}/cluster-settings.yaml";

    /// <summary>Sets post-build variables in a cluster's cluster-versions.yaml, commits at <paramref name="when"/> and pushes.</summary>
    public string SetPins(
        string cluster,
        IReadOnlyDictionary<string, string> values,
        DateTimeOffset when,
        string message
    )
    {
        var path = Path.Combine(WorkPath, VersionsFile(cluster));
        var text = File.ReadAllText(path);
        foreach (var (variable, value) in values)
        {
            text = Regex.Replace(
                text,
                $"(?m)^(\\s*{variable}:\\s*\")[^\"]*(\")",
                m => m.Groups[1].Value + value + m.Groups[2].Value
            );
        }

        File.WriteAllText(path, text);
        return Commit(when, message);
    }

    /// <summary>The value of a variable in a cluster-versions.yaml text.</summary>
    public static string? Pin(string? text, string variable) =>
        text is null ? null
        : Regex.Match(text, $"(?m)^\\s*{variable}:\\s*\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value
        : null;

    public string ReadWorkingFile(string path) => File.ReadAllText(Path.Combine(WorkPath, path));

    public string? OriginBranch(string branch)
    {
        using var origin = new Repository(OriginPath);
        return origin.Refs[$"refs/heads/{branch}"]?.TargetIdentifier;
    }

    public string? OriginFile(string branch, string path)
    {
        using var origin = new Repository(OriginPath);
        return origin.Branches[branch]?.Tip[path]?.Target is Blob blob ? blob.GetContentText() : null;
    }

    /// <summary>The tip of a branch in origin: its message and its parents' shas.</summary>
    public (string Message, IReadOnlyList<string> Parents)? OriginCommit(string branch)
    {
        using var origin = new Repository(OriginPath);
        return origin.Branches[branch]?.Tip is { } tip ? (tip.Message, tip.Parents.Select(p => p.Sha).ToList()) : null;
    }

    public string? LocalBranch(string branch)
    {
        using var work = new Repository(WorkPath);
        return work.Refs[$"refs/heads/{branch}"]?.TargetIdentifier;
    }

    public string HeadSha()
    {
        using var work = new Repository(WorkPath);
        return work.Head.Tip.Sha;
    }

    public void Dispose() => _temp.Dispose();

    private string Commit(DateTimeOffset when, string message)
    {
        using var work = new Repository(WorkPath);
        Commands.Stage(work, "*");
        var signature = new Signature("Test", "test@example.invalid", when);
        var sha = work.Commit(message, signature, signature).Sha;
        work.Network.Push(work.Network.Remotes["origin"], "refs/heads/main:refs/heads/main");
        return sha;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
