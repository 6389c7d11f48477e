using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Smoke;

/// <summary>A <see cref="RenderedCluster"/> from multi-document YAML, as the renderer would hand it over.</summary>
internal static class RenderedClusters
{
    public static RenderedCluster FromYaml(string name, string yaml) =>
        YamlManifests.Cluster(name, yaml, "kubernetes/rendered.yaml");
}
