using System.Text.RegularExpressions;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Validation.Schemas;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Tests.Validation;

/// <summary>
/// Real Flux repositories written by others (reached through GITOPS_TEST_FIXTURE_REPOS): they render and
/// validate, and the Kustomizations found match flux-local's golden <c>get ks</c> outputs.
/// </summary>
public partial class ConformanceSpecs
{
    [Fact]
    public async Task The_flux2_kustomize_helm_example_renders_and_validates_without_errors()
    {
        if (SharedData.FixtureReposRoot is not { } repos || SharedData.SchemasRoot is not { } schemas)
        {
            return;
        }

        using var cache = new TempDirectory();

        var result = await SharedSchemaValidation.RunAsync(
            Path.Combine(repos, "flux2-kustomize-helm-example"),
            ".",
            SharedSchemaValidation.Locations(schemas),
            false,
            cache.Path
        );

        result.Report.Clusters.Should().Equal("production", "staging");
        result.Report.Errors.Should().Be(0, string.Join('\n', result.Report.Findings));
        result.Report.ObjectCount.Should().BeGreaterThan(20);
        result
            .Clusters.Should()
            .AllSatisfy(c =>
                c.Objects.Select(o => o.Manifest.Kind).Should().Contain(["HelmRelease", "ArtifactGenerator", "Gateway"])
            );
    }

    [Theory]
    [InlineData("cluster", "tests/testdata/cluster", "prod")]
    [InlineData("cluster2", "tests/testdata/cluster2/flux", "flux")]
    [InlineData("cluster4", "tests/testdata/cluster4/flux", "flux")]
    [InlineData("cluster5-all", "tests/testdata/cluster5", "prod")]
    [InlineData("cluster6", "tests/testdata/cluster6/cluster", "cluster")]
    [InlineData("cluster7", "tests/testdata/cluster7", "home")]
    [InlineData("cluster9", "tests/testdata/cluster9", "dev")]
    public async Task Rendered_kustomizations_match_flux_local_golden_output(
        string snapshot,
        string kubernetesFolder,
        string cluster
    )
    {
        if (SharedData.FixtureReposRoot is not { } repos)
        {
            return;
        }

        // flux-local does not read GitRepository spec.ignore; Flux does (see Flux_leaves_out_...), so the
        // golden lists are compared on a copy without it.
        using var root = new TempDirectory();
        DirectoryCopy.Tree(Path.Combine(repos, "flux-local-testdata"), root.Combine("tests"));
        foreach (
            var file in Directory.EnumerateFiles(root.Combine("tests/testdata"), "*.yaml", SearchOption.AllDirectories)
        )
        {
            File.WriteAllText(file, IgnoreBlock().Replace(File.ReadAllText(file), "\n"));
        }

        using var renderer = new FluxRenderer(KustomizeCli.Locate());

        var rendered = await renderer.RenderAsync(
            new RepositoryLayout(root.Path, kubernetesFolder),
            cluster,
            CancellationToken.None
        );

        var unsupported = rendered
            .Findings.Where(f => f.RuleId == RenderRules.SourceUnsupported.Id)
            .Select(f => f.Object)
            .ToHashSet();
        var ours = rendered
            .Objects.Select(o => o.Manifest)
            .Where(m =>
                m.Kind == "Kustomization" && m.Group == "kustomize.toolkit.fluxcd.io" && !unsupported.Contains(m.Id)
            )
            .Select(m =>
                (
                    m.Name,
                    Path: NormalizePath(
                        GitOpsRunners.Manifests.YamlNodeExtensions.ScalarAt(m.Body, "spec", "path") ?? "",
                        kubernetesFolder
                    )
                )
            )
            .Order()
            .ToList();
        ours.Should()
            .Equal(Golden(Path.Combine(repos, "flux-local-testdata/tool/__snapshots__/test_get_ks.ambr"), snapshot));
    }

    /// <summary>
    /// cluster2 and cluster4 read a GitRepository whose spec.ignore is "/*" then "!/tests/testdata/clusterN/kubernetes",
    /// a folder these fixtures no longer have: source-controller archives nothing, so Flux fails the root with
    /// "kustomization path not found" where flux-local (which skips spec.ignore) lists every Kustomization.
    /// </summary>
    [Theory]
    [InlineData("tests/testdata/cluster2/flux")]
    [InlineData("tests/testdata/cluster4/flux")]
    public async Task Flux_leaves_out_what_a_git_repositorys_spec_ignore_excludes_where_flux_local_does_not(
        string kubernetesFolder
    )
    {
        if (SharedData.FixtureReposRoot is not { } repos)
        {
            return;
        }

        using var root = new TempDirectory();
        Directory.CreateSymbolicLink(root.Combine("tests"), Path.Combine(repos, "flux-local-testdata"));
        using var renderer = new FluxRenderer(KustomizeCli.Locate());

        var rendered = await renderer.RenderAsync(
            new RepositoryLayout(root.Path, kubernetesFolder),
            "flux",
            CancellationToken.None
        );

        rendered.Objects.Should().BeEmpty();
        rendered
            .Findings.Should()
            .ContainSingle(f => f.RuleId == RenderRules.PathMissing.Id)
            .Which.Message.Should()
            .Contain("left out of the artifact")
            .And.Contain("spec.ignore");
    }

    /// <summary>A Kustomization without spec.path builds its source's root: flux-local shows the folder it was given.</summary>
    private static string NormalizePath(string path, string kubernetesFolder) =>
        path.TrimStart('.').Trim('/') is { Length: > 0 } relative ? relative : kubernetesFolder;

    /// <summary>NAME and PATH columns of one <c>get ks</c> snapshot in a syrupy .ambr file.</summary>
    private static List<(string Name, string Path)> Golden(string ambr, string snapshot)
    {
        var text = File.ReadAllText(ambr);
        var start = text.IndexOf($"# name: test_get_ks[{snapshot}]\n", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the golden file has a snapshot for {snapshot}");
        var end = text.IndexOf("# ---", start, StringComparison.Ordinal);
        var rows = text[start..end]
            .Split('\n')
            .Skip(2)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l != "'''")
            .Select(l => Columns().Split(l))
            .ToList();
        var name = Array.IndexOf(rows[0], "NAME");
        var path = Array.IndexOf(rows[0], "PATH");
        return rows.Skip(1).Select(c => (c[name], c[path])).Order().ToList();
    }

    [GeneratedRegex(@"\n  ignore: \|\n(    .*\n)+")]
    private static partial Regex IgnoreBlock();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Columns();
}
