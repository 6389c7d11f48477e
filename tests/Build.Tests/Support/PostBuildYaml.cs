using System.Text;

namespace GitOpsRunners.Tests.Support;

/// <summary>
/// A Flux Kustomization's <c>postBuild</c> as spec lines for <see cref="FluxYaml.Kustomization"/>: inline
/// <c>substitute</c> values (double-quoted), then the ConfigMaps read by <c>substituteFrom</c>, in the order given.
/// </summary>
public static class PostBuildYaml
{
    /// <summary><c>postBuild.substituteFrom</c> listing <paramref name="configMaps"/>.</summary>
    public static string SubstituteFrom(params string[] configMaps) => Of([], configMaps);

    /// <summary><c>postBuild.substitute</c> holding <paramref name="substitute"/>, and <c>substituteFrom</c> listing <paramref name="configMaps"/>.</summary>
    public static string Of(IEnumerable<KeyValuePair<string, string>> substitute, params string[] configMaps)
    {
        var text = new StringBuilder("postBuild:\n");
        var values = substitute.ToList();
        if (values.Count > 0)
            text.Append("  substitute:\n");
        foreach (var (name, value) in values)
            text.Append($"    {name}: \"{value}\"\n");
        if (configMaps.Length > 0)
            text.Append("  substituteFrom:\n");
        foreach (var configMap in configMaps)
            text.Append($"    - kind: ConfigMap\n      name: {configMap}\n");
        return text.ToString();
    }
}
