using System.Text.RegularExpressions;
using GitOpsRunners.Manifests;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Manifests;

/// <summary>API group names are written once, in <see cref="KubernetesApi"/>; everything else refers to them.</summary>
public partial class KubernetesApiSpecs
{
    [Fact]
    public void No_build_file_but_KubernetesApi_spells_out_an_API_group()
    {
        var build = Path.Combine(RepositoryRoot.Path, "build");
        var spelled = Directory
            .EnumerateFiles(build, "*.cs", SearchOption.AllDirectories)
            .Where(path =>
                !path.Contains(
                    $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}",
                    StringComparison.Ordinal
                )
            )
            .Where(path => Path.GetFileName(path) != "KubernetesApi.cs")
            .SelectMany(path =>
                File.ReadAllLines(path)
                    .Select((line, index) => (line, index))
                    .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                    .Where(l => GroupLiteral().IsMatch(l.line))
                    .Select(l => $"{Path.GetRelativePath(build, path)}:{l.index + 1}: {l.line.Trim()}")
            )
            .ToList();

        string.Join('\n', spelled).Should().BeEmpty("group names live in Manifests/KubernetesApi.cs");
    }

    [Theory]
    [InlineData("HelmRelease", "helmreleases")]
    [InlineData("GitRepository", "gitrepositories")]
    [InlineData("NetworkPolicy", "networkpolicies")]
    [InlineData("ConfigMap", "configmaps")]
    public void A_kind_s_plural_is_the_API_s_resource_name(string kind, string plural) =>
        KubernetesApi.Plural(kind).Should().Be(plural);

    [Fact]
    public void Flux_groups_are_served_by_their_controllers() =>
        new[] { KubernetesApi.KustomizeGroup, KubernetesApi.HelmGroup, KubernetesApi.SourceGroup }
            .Select(KubernetesApi.ControllerFor)
            .Should()
            .Equal("kustomize-controller", "helm-controller", "source-controller");

    /// <summary>A quoted group name on its own (an apiVersion such as "helm.toolkit.fluxcd.io/v2" is not a group).</summary>
    [GeneratedRegex(
        @"""([a-z-]+\.)*(toolkit\.fluxcd\.io|extensions\.fluxcd\.io|external-secrets\.io|actions\.github\.com|apiextensions\.k8s\.io)"""
    )]
    private static partial Regex GroupLiteral();
}
