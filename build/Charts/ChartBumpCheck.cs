using System.Text;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Validation.Schemas;
using GitOpsRunners.Versions.Bump;
using GitOpsRunners.Versions.Editing;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Charts;

/// <summary>
/// Before Bump delivers a group that moves a chart, renders the cluster with the group's edits applied (in a scratch
/// copy of the Flux tree) and runs the chart-aware checks on it: the errors the new chart versions cause (CRD versions
/// no longer served, values their schema refuses, charts that cannot be had, custom resources their CRD schemas refuse)
/// become a note for the pull request body, so the reviewer reads why its validation fails. Groups that move only
/// images are not checked; errors of charts the group does not move are left to Validate.
/// </summary>
public sealed class ChartBumpCheck(
    string repositoryRoot,
    string kubernetesFolder,
    string scratchFolder,
    Func<FluxRenderer> createRenderer,
    ChartSchemaSource charts,
    SchemaValidationOptions schemaOptions,
    HttpClient http
) : IBumpCheck
{
    private const int MaxListed = 10;

    public async Task<string?> CheckAsync(string cluster, PinChangeGroup group, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(group);
        var moved = group
            .Changes.Where(c => c.Pin.Kind is PinKind.HelmChartOci or PinKind.HelmChartHttp)
            .Select(c => $"chart {c.Pin.Component} {c.To}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (moved.Count == 0)
        {
            return null;
        }

        var copy = Path.Combine(scratchFolder, $"bump-check-{Guid.NewGuid():N}");
        try
        {
            CopyTree(Path.Combine(repositoryRoot, kubernetesFolder), Path.Combine(copy, kubernetesFolder));
            foreach (var edit in PinEdits.For(group.Changes))
            {
                var path = Path.Combine(copy, edit.File);
                var text = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
                await File.WriteAllTextAsync(path, YamlScalarEditor.Apply(text, edit.Edits, edit.File), ct)
                    .ConfigureAwait(false);
            }

            RenderedCluster rendered;
            using (var renderer = createRenderer())
            {
                rendered = await renderer
                    .RenderAsync(new RepositoryLayout(copy, kubernetesFolder), cluster, ct)
                    .ConfigureAwait(false);
            }

            var result = await charts.CheckAsync(rendered, ObjectLocator.Instance, ct).ConfigureAwait(false);
            var errors = result
                .Findings.Where(f =>
                    f.Severity == Severity.Error && moved.Any(m => f.Message.Contains(m, StringComparison.Ordinal))
                )
                .ToList();
            errors.AddRange(await SchemaErrorsAsync(rendered, result, moved, ct).ConfigureAwait(false));
            return Note(cluster, errors);
        }
        finally
        {
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    /// <summary>Schema errors of the custom resources whose kinds the moved charts define, against those charts' CRDs.</summary>
    private async Task<IReadOnlyList<Finding>> SchemaErrorsAsync(
        RenderedCluster rendered,
        ChartCheckResult result,
        IReadOnlyList<string> moved,
        CancellationToken ct
    )
    {
        var schemas = result.Schemas.Where(s => moved.Contains(s.Chart.Display)).Select(s => s.Schema).ToList();
        var kinds = schemas.Select(s => (s.ApiVersion, s.Kind)).ToHashSet();
        var options = schemaOptions with { Locations = [], IgnoreMissingSchemas = true };
        var validator = new ManifestSchemaValidator(
            new SchemaRegistry(options, http).WithCustomResources(schemas),
            options,
            ObjectLocator.Instance,
            new CelRuleEvaluator()
        );
        var findings = new List<Finding>();
        foreach (
            var manifest in rendered.Objects.Select(o => o.Manifest).Where(m => kinds.Contains((m.ApiVersion, m.Kind)))
        )
        {
            findings.AddRange(
                (await validator.ValidateAsync(manifest, ct).ConfigureAwait(false)).Where(f =>
                    f.Severity == Severity.Error
                )
            );
        }

        return findings;
    }

    /// <summary>The note for the body, or null when the chart checks found no error.</summary>
    public static string? Note(string cluster, IEnumerable<Finding> errors)
    {
        errors = errors.Distinct().ToList();
        if (!errors.Any())
        {
            return null;
        }

        var text = new StringBuilder(
            $"**Validate fails with this change**: the new chart version(s) would reject {errors.Count()} finding(s) of `{cluster}`'s objects or values:\n"
        );
        foreach (var error in errors.Take(MaxListed))
        {
            text.Append($"- `{error.Location}` {error.RuleId}: {error.Message}\n");
        }

        if (errors.Count() > MaxListed)
        {
            text.Append($"- … and {errors.Count() - MaxListed} more (`./build.sh Validate --cluster {cluster}`)\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            var target = Path.Combine(to, entry.Name);
            if (entry is DirectoryInfo folder)
            {
                CopyTree(folder.FullName, target);
            }
            else
            {
                File.Copy(entry.FullName, target);
            }
        }
    }
}
