using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;
using LibGit2Sharp;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace GitOpsRunners.Tests.Rendering.Conformance;

/// <summary>
/// A repository with one cluster <c>c</c> whose root applies Flux Kustomizations written by the test, rendered
/// by <see cref="FluxRenderer"/>; and, for the expected side, real kustomize run on the kustomization file
/// that kustomize-controller writes (as each test spells it out from Flux's source).
/// </summary>
internal sealed class ConformanceTree : IDisposable
{
    private static readonly ISerializer Serializer = new SerializerBuilder().Build();
    private readonly TempDirectory _root = new();

    public string Root => _root.Path;

    public ConformanceTree Write(string path, string content)
    {
        _root.Write(path, content);
        return this;
    }

    /// <summary>A Flux Kustomization <c>flux-system/name</c> reading this repository, with extra spec lines.</summary>
    public ConformanceTree Kustomization(string name, string path, string spec = "", string metadata = "") =>
        Write(
            $"clusters/c/{name}.yaml",
            $"""
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: {name}
              namespace: flux-system{metadata}
            spec:
              interval: 10m
              prune: true
              path: {path}
              sourceRef:
                kind: GitRepository
                name: flux-system

            """ + Indent(spec)
        );

    /// <summary>Commits every file to a Git repository in the tree (created on first use) and tags the commit.</summary>
    public ConformanceTree CommitAndTag(string tag)
    {
        if (!Repository.IsValid(Root))
        {
            Repository.Init(Root);
        }

        using var repository = new Repository(Root);
        Commands.Stage(repository, "*");
        var author = new Signature("test", "test@example.com", DateTimeOffset.UnixEpoch);
        repository.Commit(tag, author, author, new CommitOptions { AllowEmptyCommit = true });
        repository.ApplyTag(tag);
        return this;
    }

    public async Task<RenderedCluster> RenderAsync()
    {
        using var renderer = new FluxRenderer(KustomizeCli.Locate());
        return await renderer.RenderAsync(new RepositoryLayout(Root, "."), "c", CancellationToken.None);
    }

    /// <summary>Objects one Kustomization applies, without Flux's owner labels, as comparable YAML.</summary>
    public static IReadOnlyList<string> Applied(RenderedCluster cluster, string name) =>
        cluster
            .Objects.Where(o => o.AppliedBy == $"flux-system/{name}")
            .Select(o =>
                Canonical(YamlFileLoader.Parse(RenderedClusterWriter.ObjectYaml(o), "o.yaml").Documents[0].Root)
            )
            .ToList();

    /// <summary>Names of the objects one Kustomization applies, in the order it applies them.</summary>
    public static IEnumerable<string> AppliedNames(RenderedCluster cluster, string name) =>
        cluster.Objects.Where(o => o.AppliedBy == $"flux-system/{name}").Select(o => o.Manifest.Name);

    /// <summary>The message of the one finding of <paramref name="ruleId"/>, failing unless there is exactly one.</summary>
    public static string SingleMessage(RenderedCluster cluster, string ruleId) =>
        cluster.Findings.Should().ContainSingle(f => f.RuleId == ruleId).Which.Message;

    /// <summary>
    /// What real kustomize builds from <paramref name="folder"/> when its kustomization file is
    /// <paramref name="kustomization"/> (the file Flux writes there), in a copy of this repository.
    /// </summary>
    public async Task<IReadOnlyList<string>> KustomizeAsync(
        string folder,
        string kustomization,
        string file = "kustomization.yaml"
    )
    {
        using var copy = new TempDirectory();
        DirectoryCopy.Tree(Root, copy.Path);
        copy.Write(Path.Combine(folder, file), kustomization);
        var output = await KustomizeCli.Locate().BuildAsync(copy.Combine(folder), CancellationToken.None);
        return YamlFileLoader.Parse(output, "out.yaml").Documents.Select(d => Canonical(d.Root)).ToList();
    }

    public void Dispose() => _root.Dispose();

    private static string Canonical(YamlMappingNode root)
    {
        if (root.MappingAt("metadata", "labels") is { } labels)
        {
            labels.RemoveKey("kustomize.toolkit.fluxcd.io/name");
            labels.RemoveKey("kustomize.toolkit.fluxcd.io/namespace");
            if (labels.Children.Count == 0)
            {
                root.MappingAt("metadata")!.RemoveKey("labels");
            }
        }

        return Serializer.Serialize(root);
    }

    private static string Indent(string spec) =>
        string.Concat(spec.Split('\n').Where(l => l.Length > 0).Select(l => "  " + l + "\n"));
}
