using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Versions;

/// <summary>
/// Source files written under a temp folder and the rendered cluster made from them: each file's
/// <c>${VAR}</c> references are replaced by the given values (lines stay where they are), and every
/// document becomes a rendered object located at its first line and applied by the given Kustomization.
/// </summary>
internal sealed class SourceTree(TempDirectory root, string cluster)
{
    private readonly List<RenderedObject> _objects = [];

    public SourceTree Add(
        string file,
        string yaml,
        string appliedBy,
        IReadOnlyDictionary<string, string>? variables = null
    )
    {
        root.Write(file, yaml);
        var rendered = yaml;
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            rendered = rendered.Replace("${" + name + "}", value, StringComparison.Ordinal);
        }

        _objects.AddRange(
            YamlManifests.ReadAll(rendered, file).Select(manifest => new RenderedObject(manifest, appliedBy))
        );

        return this;
    }

    public RenderedCluster Cluster => new(cluster, _objects.ToList(), []);

    /// <summary>1-based line of the first line in <paramref name="file"/> that contains <paramref name="text"/>.</summary>
    public int LineOf(string file, string text) =>
        Array.FindIndex(File.ReadAllLines(root.Combine(file)), l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
