using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Resolves <c>spec.sourceRef</c> offline: GitRepository flux-system, unknown GitRepositories and those
/// whose URL is this repository read this checkout; ExternalArtifacts made by an ArtifactGenerator from
/// this repository are assembled from its copy rules; everything else is reported, not rendered.
/// </summary>
internal sealed class SourceResolver(RenderContext context, string cluster, IReadOnlyList<string> repositoryUrls)
{
    private const string ArtifactGeneratorGroup = "source.extensions.fluxcd.io";

    public static bool IsArtifactGenerator(Manifest manifest) =>
        manifest.Kind == "ArtifactGenerator" && manifest.Group == ArtifactGeneratorGroup;

    public SourceResolution Resolve(FluxKustomization kustomization, ClusterSnapshot snapshot)
    {
        var source = kustomization.SourceRef;
        return source.Kind switch
        {
            "GitRepository" => IsThisRepository(source, snapshot, out var url)
                ? new SourceResolution(context.Sources.Worktree(Ignore(source, snapshot)))
                : new SourceResolution(
                    null,
                    Skip(
                        kustomization,
                        $"its source {source} ({url}) is another Git repository, which is not rendered offline; its objects are not checked."
                    )
                ),
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

        var aliases = (found.Generator.Body.SequenceAt("spec", "sources") ?? [])
            .OfType<YamlMappingNode>()
            .Where(s => s.ScalarAt("alias") is not null)
            .ToDictionary(s => s.ScalarAt("alias")!, StringComparer.Ordinal);
        var copies = new List<ArtifactCopy>();
        foreach (var rule in (found.Artifact.SequenceAt("copy") ?? []).OfType<YamlMappingNode>())
        {
            var from = rule.ScalarAt("from") ?? "";
            var to = rule.ScalarAt("to") ?? "@artifact/";
            var slash = from.IndexOf('/', StringComparison.Ordinal);
            var alias = from.StartsWith('@') ? (slash > 0 ? from[1..slash] : from[1..]) : "";
            if (!aliases.TryGetValue(alias, out var aliasSource))
            {
                return new SourceResolution(
                    null,
                    Skip(
                        kustomization,
                        $"ArtifactGenerator {found.Generator.Namespace}/{found.Generator.Name} copies from '{from}', whose alias is not in spec.sources; fix the copy rule."
                    )
                );
            }

            var reference = new SourceReference(
                aliasSource.ScalarAt("kind") ?? "",
                aliasSource.ScalarAt("name") ?? "",
                aliasSource.ScalarAt("namespace") ?? found.Generator.Namespace!
            );
            if (reference.Kind != "GitRepository" || !IsThisRepository(reference, snapshot, out _))
            {
                return new SourceResolution(
                    null,
                    Skip(
                        kustomization,
                        $"ExternalArtifact {source.Name} is built from {reference}, which is not this repository and is not rendered offline; its objects are not checked."
                    )
                );
            }

            var pattern = slash > 0 ? from[(slash + 1)..] : "";
            var target = to.StartsWith("@artifact", StringComparison.Ordinal)
                ? to["@artifact".Length..].TrimStart('/')
                : to;
            var exclude = (rule.SequenceAt("exclude") ?? [])
                .OfType<YamlScalarNode>()
                .Select(s => s.Value)
                .OfType<string>()
                .ToList();
            copies.Add(new ArtifactCopy(context.Layout.Root, pattern, target, exclude));
        }

        var root = context.Artifacts.Assemble(copies);
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

    /// <summary>The GitRepository's <c>spec.ignore</c>, when the cluster applies it.</summary>
    private static string? Ignore(SourceReference source, ClusterSnapshot snapshot) =>
        snapshot.GitRepositories.TryGetValue($"{source.Namespace}/{source.Name}", out var repository)
            ? repository.Body.ScalarAt("spec", "ignore")
            : null;

    private bool IsThisRepository(SourceReference source, ClusterSnapshot snapshot, out string url)
    {
        url = "unknown URL";
        if (source.Name == "flux-system")
        {
            return true;
        }

        if (
            !snapshot.GitRepositories.TryGetValue($"{source.Namespace}/{source.Name}", out var repository)
            || repository.Body.ScalarAt("spec", "url") is not { } found
        )
        {
            return true;
        }

        url = found;
        return repositoryUrls.Any(u => GitUrl.Same(u, found));
    }

    private Finding Skip(FluxKustomization kustomization, string message) =>
        new(
            Severity.Warning,
            RenderRuleIds.SourceUnsupported,
            $"Kustomization {kustomization.Id}: {message}",
            kustomization.Location,
            cluster,
            $"Kustomization/{kustomization.Id}"
        );
}
