using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Resolves <c>spec.sourceRef</c> (a missing namespace is the Kustomization's own) to an artifact offline. A
/// GitRepository of this repository reads the checkout when its <c>spec.ref</c> is the cluster root's (or
/// it is the root's source, or is not applied by the cluster), and that revision from Git history otherwise;
/// its <c>spec.ignore</c> applies. ExternalArtifacts made by an ArtifactGenerator from such sources are
/// assembled from its copy operations. Everything else is reported, not rendered.
/// </summary>
internal sealed class SourceResolver(RenderContext context, ClusterEntry entry, IReadOnlyList<string> repositoryUrls)
{
    private const string DefaultRootRef = "branch=main";

    public static bool IsArtifactGenerator(Manifest manifest) =>
        manifest.Kind == "ArtifactGenerator" && manifest.Group == KubernetesApi.SourceExtensionsGroup;

    public SourceResolution Resolve(FluxKustomization kustomization, ClusterSnapshot snapshot)
    {
        var source = kustomization.SourceRef;
        return source.Kind switch
        {
            "GitRepository" => Git(source, snapshot) switch
            {
                { Artifact: { } artifact } => new SourceResolution(artifact),
                var (_, problem) => new SourceResolution(null, Skip(kustomization, problem!)),
            },
            "ExternalArtifact" => ResolveArtifact(kustomization, snapshot),
            _ => new SourceResolution(
                null,
                Skip(
                    kustomization,
                    $"its source {source} is a {source.Kind}, which is not rendered offline; its objects are not checked."
                )
            ),
        };
    }

    /// <summary>The artifact of a GitRepository, or a sentence saying why it is not rendered.</summary>
    private (SourceArtifact? Artifact, string? Problem) Git(SourceReference source, ClusterSnapshot snapshot)
    {
        var isRoot = source == entry.Root.SourceRef;
        if (!snapshot.GitRepositories.TryGetValue($"{source.Namespace}/{source.Name}", out var repository))
        {
            return (context.Sources.Worktree(null), null);
        }

        var spec = repository.Body.MappingAt("spec");
        var url = spec.ScalarAt("url") ?? "unknown URL";
        if (!isRoot && !repositoryUrls.Any(u => GitUrl.Same(u, url)) && !IsBootstrapSource(source))
        {
            return (
                null,
                $"its source {source} ({url}) is another Git repository, which is not rendered offline; its objects are not checked."
            );
        }

        var ignore = spec.ScalarAt("ignore");
        var reference = spec.MappingAt("ref");
        if (isRoot || GitHistory.Describe(reference) == RootRef(snapshot))
        {
            return (context.Sources.Worktree(ignore), null);
        }

        var revision = GitHistory.Resolve(context.Layout.Root, reference);
        return revision.Problem is { } problem
            ? (
                null,
                $"its source {source} reads this repository at {GitHistory.Describe(reference)}, not the checkout's {RootRef(snapshot)}, and {problem}; its objects are not checked."
            )
            : (context.Sources.Revision(revision, ignore), null);
    }

    /// <summary>The ref the cluster root's GitRepository follows (flux bootstrap's default branch when unknown).</summary>
    private string RootRef(ClusterSnapshot snapshot)
    {
        var root = entry.Root.SourceRef;
        return snapshot.GitRepositories.TryGetValue($"{root.Namespace}/{root.Name}", out var repository)
            ? GitHistory.Describe(repository.Body.MappingAt("spec", "ref"))
            : DefaultRootRef;
    }

    private static bool IsBootstrapSource(SourceReference source) =>
        source is { Name: "flux-system", Namespace: "flux-system" };

    private SourceResolution ResolveArtifact(FluxKustomization kustomization, ClusterSnapshot snapshot)
    {
        var source = kustomization.SourceRef;
        var found = snapshot
            .ArtifactGenerators.Where(g => g.Namespace == source.Namespace)
            .SelectMany(g =>
                (g.Body.SequenceAt("spec", "artifacts") ?? [])
                    .OfType<YamlMappingNode>()
                    .Select(a => (Generator: g, Artifact: a))
            )
            .FirstOrDefault(x => x.Artifact.ScalarAt("name") == source.Name);
        if (found.Generator is null)
        {
            return new SourceResolution(
                null,
                Defer: Skip(
                    kustomization,
                    $"no ArtifactGenerator in this cluster produces {source}, so its content is unknown offline; its objects are not checked."
                )
            );
        }

        var generator = $"ArtifactGenerator {found.Generator.Namespace}/{found.Generator.Name}";
        var aliases = (found.Generator.Body.SequenceAt("spec", "sources") ?? [])
            .OfType<YamlMappingNode>()
            .Where(s => s.ScalarAt("alias") is not null)
            .ToDictionary(s => s.ScalarAt("alias")!, StringComparer.Ordinal);
        var copies = new List<ArtifactCopy>();
        foreach (var rule in (found.Artifact.SequenceAt("copy") ?? []).OfType<YamlMappingNode>())
        {
            var from = rule.ScalarAt("from") ?? "";
            var to = rule.ScalarAt("to") ?? "";
            var slash = from.IndexOf('/', StringComparison.Ordinal);
            if (!from.StartsWith('@') || slash < 0 || !to.StartsWith("@artifact/", StringComparison.Ordinal))
            {
                return Refused(
                    kustomization,
                    $"{generator} copies from '{from}' to '{to}'; source-watcher needs '@alias/path' and '@artifact/path'. Fix the copy operation."
                );
            }

            if (!aliases.TryGetValue(from[1..slash], out var aliasSource))
            {
                return Refused(
                    kustomization,
                    $"{generator} copies from '{from}', whose alias is not in spec.sources; fix the copy operation."
                );
            }

            var reference = new SourceReference(
                aliasSource.ScalarAt("kind") ?? "",
                aliasSource.ScalarAt("name") ?? "",
                aliasSource.ScalarAt("namespace") ?? found.Generator.Namespace!
            );
            if (reference.Kind != "GitRepository" || Git(reference, snapshot) is not { Artifact: { } artifact })
            {
                return new SourceResolution(
                    null,
                    Skip(
                        kustomization,
                        $"ExternalArtifact {source.Name} is built from {reference}, which is not rendered offline; its objects are not checked."
                    )
                );
            }

            var exclude = (rule.SequenceAt("exclude") ?? [])
                .OfType<YamlScalarNode>()
                .Select(s => s.Value)
                .OfType<string>()
                .ToList();
            copies.Add(
                new ArtifactCopy(
                    artifact.Root,
                    from[(slash + 1)..],
                    to["@artifact/".Length..],
                    exclude,
                    rule.ScalarAt("strategy")
                )
            );
        }

        var (root, error) = context.Artifacts.Assemble(copies);
        if (root is null)
        {
            return Refused(kustomization, $"{generator} fails, so {source} never has an artifact: {error}.");
        }

        return new SourceResolution(
            context.Sources.Register(
                $"external\n{root}",
                root,
                relative =>
                {
                    var full = Path.Combine(root, relative);
                    var copied = context.CopiedFrom(full);
                    return copied == full ? relative : context.DisplayPath(copied);
                }
            )
        );
    }

    private SourceResolution Refused(FluxKustomization kustomization, string message) =>
        new(
            null,
            new Finding(
                RenderRules.ArtifactGenerator,
                $"Kustomization {kustomization.Id}: {message}",
                kustomization.Location,
                entry.Name,
                $"Kustomization/{kustomization.Id}"
            )
        );

    private Finding Skip(FluxKustomization kustomization, string message) =>
        new(
            RenderRules.SourceUnsupported,
            $"Kustomization {kustomization.Id}: {message}",
            kustomization.Location,
            entry.Name,
            $"Kustomization/{kustomization.Id}"
        );
}
