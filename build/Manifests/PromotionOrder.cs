using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Manifests;

/// <summary>
/// The order in which releases move between clusters, declared once in <c>&lt;root&gt;/promotion.yaml</c>
/// as <c>stages: [first, second, …]</c>. Promote follows it; Validate checks it against the clusters.
/// </summary>
public sealed record PromotionOrder(IReadOnlyList<string> Stages, SourceLocation Location)
{
    public const string FileName = "promotion.yaml";

    public string First => Stages[0];

    /// <summary>The stage after <paramref name="cluster"/>, or null for the last one.</summary>
    public string? Next(string cluster)
    {
        var index = IndexOf(cluster);
        return index + 1 < Stages.Count ? Stages[index + 1] : null;
    }

    /// <summary>Position of a cluster in the order; a cluster that is not a stage is a usage error.</summary>
    public int IndexOf(string cluster)
    {
        var index = Stages.ToList().IndexOf(cluster);
        return index >= 0
            ? index
            : throw new UsageException(
                $"{cluster} is not a stage of the promotion order in {Location.File} ({string.Join(" -> ", Stages)})."
            );
    }

    /// <summary>Whether the tree declares a promotion order at all (a single-cluster tree may not).</summary>
    public static bool Exists(string repositoryRoot, string kubernetesFolder) =>
        File.Exists(Path.Combine(repositoryRoot, kubernetesFolder, FileName));

    /// <summary>Reads the order; a missing or malformed file is a <see cref="BuildException"/> naming file:line.</summary>
    public static PromotionOrder Load(string repositoryRoot, string kubernetesFolder)
    {
        var relative = Path.Combine(kubernetesFolder, FileName).Replace('\\', '/');
        var path = Path.Combine(repositoryRoot, relative);
        if (!File.Exists(path))
        {
            throw new BuildException(
                $"{relative}: not found; declare the promotion order there as 'stages: [<first cluster>, <next cluster>, …]'."
            );
        }

        return Parse(File.ReadAllText(path), relative);
    }

    public static PromotionOrder Parse(string text, string relativeFile)
    {
        var loaded = YamlFileLoader.Parse(text, relativeFile);
        if (loaded.Findings.FirstOrDefault(f => f.Severity == Severity.Error) is { } broken)
        {
            throw new BuildException($"{broken.Location}: {broken.Message}");
        }

        var document = loaded.Documents.FirstOrDefault();
        var stages =
            document?.Root.Children.TryGetValue(new YamlScalarNode("stages"), out var node) == true
                ? node as YamlSequenceNode
                : null;
        if (document is null || stages is null || stages.Children.Count == 0)
        {
            throw new BuildException(
                $"{relativeFile}:1: expected 'stages:' with a list of cluster names in promotion order."
            );
        }

        var names = new List<string>();
        foreach (var item in stages.Children)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                throw new BuildException(
                    $"{relativeFile}:{item.Start.Line}: each stage is a cluster name (a folder under clusters/)."
                );
            }

            names.Add(name);
        }

        return new PromotionOrder(names, new SourceLocation(relativeFile, (int)stages.Start.Line));
    }
}
