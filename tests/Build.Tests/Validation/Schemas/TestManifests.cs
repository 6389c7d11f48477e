using GitOpsRunners.Manifests;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Validation.Schemas;

/// <summary>Builds <see cref="Manifest"/>s from YAML text, with marks from that text, as if read from <c>apps/demo.yaml</c>.</summary>
internal static class TestManifests
{
    public static Manifest Parse(string yaml, string file = "apps/demo.yaml", int? documentLine = null) =>
        YamlManifests.Parse(yaml, file, documentLine);
}
