using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
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

        var components = kustomization
            .Components.Select(c => Path.GetFullPath(Path.Combine(directory, c)))
            .Where(c => !kustomization.IgnoreMissingComponents || Directory.Exists(c))
            .Select(context.RelativeToWrapper)
            .ToList();
        var wrapper = KustomizationWrapper.Create(
            kustomization,
            resources.Select(context.RelativeToWrapper).ToList(),
            components
        );
        var build = await context.BuildAsync(wrapper, ct).ConfigureAwait(false);
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
        var lookup = variables.OpenSources.Count > 0 ? new OpenVariables(variables.Values) : null;
        foreach (var document in SplitDocuments(build.Output!))
        {
            var finished = _finisher.Finish(
                document,
                kustomization,
                build.WrapperDirectory,
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
                    Severity.Warning,
                    RenderRuleIds.SubstitutionUnknown,
                    $"{string.Join(" and ", variables.OpenSources)} gets keys that only the secret provider knows (dataFrom/templateFrom), so "
                        + $"{string.Join(", ", lookup.Assumed.Select(n => "${" + n + "}"))} cannot be checked offline; they are substituted as masked placeholders. "
                        + "List the keys in spec.data to have them checked."
                )
            );
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
