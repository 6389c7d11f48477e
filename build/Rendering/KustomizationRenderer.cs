using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation;

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
                    Severity.Error,
                    RenderRuleIds.PathMissing,
                    ignored
                        ? $"spec.path '{kustomization.Path}' is left out of the artifact of its source {kustomization.SourceRef} by .sourceignore or the GitRepository's spec.ignore, so Flux fails with 'kustomization path not found'. Change the ignore rules or the path."
                        : $"spec.path '{kustomization.Path}' does not exist in its source {kustomization.SourceRef}; Flux fails with 'kustomization path not found'. Fix the path (it is relative to the source root)."
                )
            );
        }

        IReadOnlyDictionary<string, string> variables = new Dictionary<string, string>();
        IReadOnlyDictionary<string, string> secretValues = new Dictionary<string, string>();
        if (kustomization.PostBuild is { } postBuild)
        {
            var collected = SubstitutionVariables.Collect(kustomization, snapshot, cluster);
            if (collected.Missing is { } missing)
            {
                return KustomizationOutcome.Deferred(missing);
            }

            variables = Substitution.PostBuildVariables.Merge(collected.InOrder, postBuild.Substitute);
            secretValues = collected.SecretValues;
        }

        var findings = new List<Finding>();
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

        var generated = KustomizationGenerator.Generate(
            existing is null
                ? null
                : await File.ReadAllTextAsync(Path.Combine(directory, existing), ct).ConfigureAwait(false),
            resources,
            kustomization,
            path => Path.Exists(Path.Combine(directory, path))
        );
        if (generated.Error is { } refused)
        {
            findings.Add(
                Problem(
                    kustomization,
                    Severity.Error,
                    RenderRuleIds.KustomizeBuild,
                    $"Flux cannot build '{kustomization.Path}': {refused}."
                )
            );
            return new KustomizationOutcome([], findings, new Dictionary<string, SecretValues>());
        }

        var build = await context
            .BuildAsync(
                new KustomizationBuild(artifact, relative, existing ?? KustomizeFiles.Names[0], generated.Content),
                ct
            )
            .ConfigureAwait(false);
        if (build.Error is { } error)
        {
            findings.Add(
                Problem(
                    kustomization,
                    Severity.Error,
                    RenderRuleIds.KustomizeBuild,
                    $"kustomize build of '{kustomization.Path}' failed: {context.CleanMessage(error.Problem, build)}"
                )
            );
            return new KustomizationOutcome([], findings, new Dictionary<string, SecretValues>());
        }

        var objects = new List<RenderedObject>();
        var secrets = new Dictionary<string, SecretValues>(StringComparer.Ordinal);
        foreach (var document in SplitDocuments(build.Output!))
        {
            var finished = _finisher.Finish(
                document,
                kustomization,
                build,
                generated.KeepsOriginAnnotations,
                variables,
                secretValues
            );
            objects.AddRange(finished.Objects);
            findings.AddRange(finished.Findings);
            if (finished.Secret is { } secret)
            {
                secrets[secret.Key] = secret.Values;
            }
        }

        return new KustomizationOutcome(objects, findings, secrets);
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

    private Finding Problem(FluxKustomization kustomization, Severity severity, string rule, string message) =>
        new(
            severity,
            rule,
            $"Kustomization {kustomization.Id}: {message}",
            kustomization.Location,
            cluster,
            $"Kustomization/{kustomization.Id}"
        );
}
