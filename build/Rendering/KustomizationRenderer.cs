using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Renders one Flux Kustomization as kustomize-controller reconciles it: resolve the source artifact and
/// join spec.path to it, collect post-build variables, write the kustomization Flux generates into a scratch
/// copy of the folder and build it with kustomize, then finish each object (substitution, commonMetadata,
/// provenance).
/// </summary>
internal sealed class KustomizationRenderer(RenderContext context, SourceResolver sources, string cluster)
{
    private readonly DocumentFinisher _finisher = new(context, cluster);

    public async Task<KustomizationOutcome> RenderAsync(
        FluxKustomization kustomization,
        ClusterSnapshot snapshot,
        CancellationToken ct
    )
    {
        var source = sources.Resolve(kustomization, snapshot);
        if (source.Defer is { } wait)
        {
            return KustomizationOutcome.Deferred(wait);
        }

        if (source.Artifact is not { } artifact)
        {
            return KustomizationOutcome.Failed(source.Skip!);
        }

        var relative = SecureJoin(kustomization.Path);
        var directory = artifact.FullPath(relative);
        if (!Directory.Exists(directory))
        {
            var ignored = Directory.Exists(context.Layout.FullPath(artifact.Display(relative)));
            return KustomizationOutcome.Failed(
                Problem(
                    kustomization,
                    RenderRules.PathMissing,
                    ignored
                        ? $"spec.path '{kustomization.Path}' is left out of the artifact of its source {kustomization.SourceRef} by .sourceignore or the GitRepository's spec.ignore, so Flux fails with 'kustomization path not found'. Change the ignore rules or the path."
                        : $"spec.path '{kustomization.Path}' does not exist in its source {kustomization.SourceRef}; Flux fails with 'kustomization path not found'. Fix the path (it is relative to the source root)."
                )
            );
        }

        var variables = PostBuildVariableSet.Empty;
        if (kustomization.PostBuild is not null)
        {
            var collected = SubstitutionVariables.Collect(kustomization, snapshot, cluster, KeyLocation);
            if (collected.Missing is { } missing)
            {
                return KustomizationOutcome.Deferred(missing);
            }

            if (collected.Invalid is { } invalid)
            {
                return KustomizationOutcome.Failed(invalid);
            }

            variables = collected.Variables!;
        }

        var findings = new List<Finding>();
        var plan = await PlanAsync(kustomization, artifact, relative, directory, findings, ct).ConfigureAwait(false);
        if (plan is not { } planned)
        {
            return new KustomizationOutcome([], findings, new Dictionary<string, SecretValues>());
        }

        var (buildInputs, generated) = planned;

        var build = await context.BuildAsync(buildInputs, ct).ConfigureAwait(false);
        if (build.Error is { } error)
        {
            findings.Add(
                Problem(
                    kustomization,
                    RenderRules.KustomizeBuild,
                    $"kustomize build of '{kustomization.Path}' failed: {context.CleanMessage(error.Problem, build)}"
                )
            );
            return new KustomizationOutcome([], findings, new Dictionary<string, SecretValues>());
        }

        var objects = new List<RenderedObject>();
        var secrets = new Dictionary<string, SecretValues>(StringComparer.Ordinal);
        var lookup = variables.OpenSources.Count > 0 ? new OpenVariables(variables.Values) : null;
        foreach (var document in SplitDocuments(build.Output!))
        {
            var finished = _finisher.Finish(
                document,
                kustomization,
                build,
                generated.KeepsOriginAnnotations,
                lookup ?? variables.Values,
                name => variables.SecretNames.Contains(name) || lookup?.Assumed.Contains(name) == true
            );
            objects.AddRange(finished.Objects);
            findings.AddRange(finished.Findings);
            if (finished.Secret is { } secret)
            {
                secrets[secret.Key] = secret.Values;
            }
        }

        if (lookup is { Assumed.Count: > 0 })
        {
            findings.Add(
                Problem(
                    kustomization,
                    RenderRules.SubstitutionUnknown,
                    $"{string.Join(" and ", variables.OpenSources)} gets keys that only the secret provider knows (dataFrom/templateFrom), so "
                        + $"{string.Join(", ", lookup.Assumed.Select(n => "${" + n + "}"))} cannot be checked offline; they are substituted as masked placeholders. "
                        + "List the keys in spec.data to have them checked."
                )
            );
        }

        return new KustomizationOutcome(objects, findings, secrets);
    }

    /// <summary>
    /// Starts the kustomize build of <paramref name="kustomization"/> as soon as it is known, before its turn comes
    /// (its dependsOn wave, the builds of its level): its source and the kustomization Flux writes rarely depend on
    /// what other Kustomizations apply, so the build usually runs while others are still being finished. The render
    /// itself later asks for the same build and gets this one (or, when its inputs turned out different, its own);
    /// nothing it finds is reported from here, so the report stays what the ordered render makes.
    /// </summary>
    public void Prefetch(FluxKustomization kustomization, ClusterSnapshot snapshot, CancellationToken ct)
    {
        if (kustomization.SourceRef.Kind != "GitRepository")
        {
            return;
        }

        _ = Task.Run(
            async () =>
            {
                try
                {
                    if (sources.Resolve(kustomization, snapshot).Artifact is not { } artifact)
                    {
                        return;
                    }

                    var relative = SecureJoin(kustomization.Path);
                    var directory = artifact.FullPath(relative);
                    if (
                        Directory.Exists(directory)
                        && await PlanAsync(kustomization, artifact, relative, directory, [], ct).ConfigureAwait(false)
                            is { } planned
                    )
                    {
                        await context.BuildAsync(planned.Build, ct).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The ordered render meets the same problem and reports it.
                }
            },
            ct
        );
    }

    /// <summary>
    /// The build kustomize-controller would run for <paramref name="kustomization"/>: the folder's own kustomization
    /// with the Flux fields merged in (or one generated from its manifests). Null, with the reason in
    /// <paramref name="findings"/>, when Flux would refuse before building.
    /// </summary>
    private async Task<(KustomizationBuild Build, GeneratedKustomization Generated)?> PlanAsync(
        FluxKustomization kustomization,
        SourceArtifact artifact,
        string relative,
        string directory,
        List<Finding> findings,
        CancellationToken ct
    )
    {
        var existing = KustomizeFiles.Names.FirstOrDefault(n => File.Exists(Path.Combine(directory, n)));
        IReadOnlyList<string> resources = [];
        if (existing is null)
        {
            var scanned = GeneratedResources.Scan(directory, context.Files);
            findings.AddRange(scanned.Findings.Select(f => f with { Cluster = cluster }));
            resources = scanned
                .Resources.Select(r => "./" + Path.GetRelativePath(directory, r).Replace('\\', '/'))
                .ToList();
        }

        var components = kustomization.Components.Select(c => Path.GetFullPath(Path.Combine(directory, c)));
        if (context.Inputs.Check(artifact.Root, [directory, .. components]) is { } guarded)
        {
            findings.Add(
                guarded with
                {
                    Message = $"Kustomization {kustomization.Id}: {guarded.Message}",
                    Cluster = cluster,
                    Object = $"Kustomization/{kustomization.Id}",
                }
            );
            return null;
        }

        var generated = context.Generate(
            directory,
            existing is null
                ? null
                : await File.ReadAllTextAsync(Path.Combine(directory, existing), ct).ConfigureAwait(false),
            resources,
            kustomization
        );
        if (generated.Error is { } refused)
        {
            findings.Add(
                Problem(
                    kustomization,
                    RenderRules.KustomizeBuild,
                    $"Flux cannot build '{kustomization.Path}': {refused}."
                )
            );
            return null;
        }

        return (
            new KustomizationBuild(artifact, relative, existing ?? KustomizeFiles.Names[0], generated.Content),
            generated
        );
    }

    /// <summary>
    /// <c>securejoin.SecureJoin(root, spec.path)</c>, as kustomize-controller joins the path to the artifact: the
    /// path is cleaned as if the root were '/', so a leading <c>../</c> stays at the root instead of leaving it.
    /// Returns the '/'-separated folder below the root ("" for the root itself).
    /// </summary>
    internal static string SecureJoin(string specPath)
    {
        var segments = new List<string>();
        foreach (var segment in specPath.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    private static IEnumerable<string> SplitDocuments(string output)
    {
        var current = new System.Text.StringBuilder();
        foreach (var line in output.Split('\n'))
        {
            if (line.TrimEnd() == "---")
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                }

                current.Clear();
                continue;
            }

            current.Append(line).Append('\n');
        }

        if (current.ToString().Trim().Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>The line of <paramref name="path"/> in the source document that starts at <paramref name="document"/>.</summary>
    private SourceLocation KeyLocation(SourceLocation document, string[] path)
    {
        var full = Path.Combine(context.Layout.Root, document.File);
        var source = File.Exists(full)
            ? context.Files.Get(full).Documents.FirstOrDefault(d => d.Location.Line == document.Line)
            : null;
        return source?.Root.KeyOrNode(path) is { } node
            ? document with
            {
                Line = (int)node.Start.Line,
                Column = (int)node.Start.Column,
            }
            : document;
    }

    private Finding Problem(FluxKustomization kustomization, RuleDescriptor rule, string message) =>
        new(
            rule,
            $"Kustomization {kustomization.Id}: {message}",
            kustomization.Location,
            cluster,
            $"Kustomization/{kustomization.Id}"
        );
}
