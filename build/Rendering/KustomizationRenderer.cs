using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Renders one Flux Kustomization: resolve the source and path, collect post-build variables, build the
/// wrapper with kustomize, then finish each object (substitution, commonMetadata, provenance).
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

        if (source.Root is null)
        {
            return KustomizationOutcome.Failed(source.Skip!);
        }

        var directory = TargetDirectory(source.Root, kustomization.Path);
        if (directory is null || !Directory.Exists(directory))
        {
            return KustomizationOutcome.Failed(
                Problem(
                    kustomization,
                    Severity.Error,
                    RenderRuleIds.PathMissing,
                    $"spec.path '{kustomization.Path}' does not exist in its source {kustomization.SourceRef}; Flux fails with 'kustomization path not found'. Fix the path (it is relative to the repository root)."
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
        IReadOnlyList<string> resources = [directory];
        if (!KustomizeFiles.HasKustomization(directory))
        {
            var generated = GeneratedResources.Scan(
                directory,
                source.Root == context.Layout.Root ? context.Ignore : null,
                context.Files
            );
            findings.AddRange(generated.Findings.Select(f => f with { Cluster = cluster }));
            resources = generated.Resources;
        }

        var componentPaths = kustomization
            .Components.Select(c => Path.GetFullPath(Path.Combine(directory, c)))
            .Where(c => !kustomization.IgnoreMissingComponents || Directory.Exists(c))
            .ToList();
        if (context.Inputs.Check(source.Root, [.. resources, .. componentPaths]) is { } refused)
        {
            findings.Add(
                refused with
                {
                    Message = $"Kustomization {kustomization.Id}: {refused.Message}",
                    Cluster = cluster,
                    Object = $"Kustomization/{kustomization.Id}",
                }
            );
            return new KustomizationOutcome([], findings, new Dictionary<string, SecretValues>());
        }

        var components = componentPaths.Select(context.RelativeToWrapper).ToList();
        var wrapper = KustomizationWrapper.Create(
            kustomization,
            resources.Select(context.RelativeToWrapper).ToList(),
            components
        );
        var build = await context
            .BuildAsync(wrapper, $"Kustomization {kustomization.Id} ({kustomization.Path}, cluster {cluster})", ct)
            .ConfigureAwait(false);
        if (build.Error is { } error)
        {
            findings.Add(
                Problem(
                    kustomization,
                    Severity.Error,
                    RenderRuleIds.KustomizeBuild,
                    $"kustomize build of '{kustomization.Path}' failed: {context.CleanMessage(error.Problem)}"
                )
            );
            return new KustomizationOutcome([], findings, new Dictionary<string, SecretValues>());
        }

        var objects = new List<RenderedObject>();
        var secrets = new Dictionary<string, SecretValues>(StringComparer.Ordinal);
        foreach (var document in SplitDocuments(build.Output!))
        {
            var finished = _finisher.Finish(document, kustomization, build.WrapperDirectory, variables, secretValues);
            objects.AddRange(finished.Objects);
            findings.AddRange(finished.Findings);
            if (finished.Secret is { } secret)
            {
                secrets[secret.Key] = secret.Values;
            }
        }

        return new KustomizationOutcome(objects, findings, secrets);
    }

    internal static string? TargetDirectory(string sourceRoot, string specPath)
    {
        var relative = specPath.Trim().Replace('\\', '/');
        while (relative.StartsWith("./", StringComparison.Ordinal) || relative.StartsWith('/'))
        {
            relative = relative.StartsWith('/') ? relative[1..] : relative[2..];
        }

        var full = Path.TrimEndingDirectorySeparator(
            Path.GetFullPath(Path.Combine(sourceRoot, relative is "." ? "" : relative))
        );
        var root = Path.GetFullPath(sourceRoot).TrimEnd(Path.DirectorySeparatorChar);
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : null;
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
