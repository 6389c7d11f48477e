using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Rules;

/// <summary>The containers an object declares, with the key path of each container list.</summary>
public static class Containers
{
    /// <summary>Containers of workloads, and of the runner pod template in an ARC scale set's values.</summary>
    public static IEnumerable<(YamlMappingNode Container, string[] Path)> Of(Manifest manifest)
    {
        string[]? podSpec = PodSpecPaths.ByKind.TryGetValue(manifest.Kind, out var path) ? path : null;
        if (
            podSpec is null
            && manifest.Kind == "HelmRelease"
            && manifest.Body.At("spec", "values", "template", "spec") is not null
        )
        {
            podSpec = ["spec", "values", "template", "spec"];
        }

        if (podSpec is null)
        {
            yield break;
        }

        foreach (var list in new[] { "initContainers", "containers" })
        {
            var listPath = podSpec.Append(list).ToArray();
            foreach (var container in manifest.Body.ItemsAt(listPath).OfType<YamlMappingNode>())
            {
                yield return (container, listPath);
            }
        }
    }
}
