using System.Text.RegularExpressions;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Support.Git;

namespace GitOpsRunners.Tests.Promotion;

/// <summary>
/// A <see cref="GitSandbox"/> holding a copy of this repository's <c>kubernetes/</c> tree (without renovate.json),
/// first committed at <paramref name="initial"/> on <c>main</c> and pushed to its bare <c>origin</c>.
/// </summary>
internal sealed class PromotionRepository(DateTimeOffset initial) : IDisposable
{
    public const string Tst = "aks-myaks-tst-swn-00";
    public const string Prd = "aks-myaks-prd-swn-00";

    public GitSandbox Sandbox { get; } =
        new(
            work =>
            {
                DirectoryCopy.Tree(Path.Combine(RepositoryRoot.Path, "kubernetes"), Path.Combine(work, "kubernetes"));
                File.WriteAllText(Path.Combine(work, ".gitignore"), ".nuke/temp/\n");
            },
            initial,
            "Initial state"
        );

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
        var path = Path.Combine(Sandbox.WorkPath, VersionsFile(cluster));
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
        var sha = Sandbox.CommitAll(when, message);
        Sandbox.PushMain();
        return sha;
    }

    /// <summary>The value of a variable in a cluster-versions.yaml text.</summary>
    public static string? Pin(string? text, string variable) =>
        text is null ? null
        : Regex.Match(text, $"(?m)^\\s*{variable}:\\s*\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value
        : null;

    public void Dispose() => Sandbox.Dispose();
}
