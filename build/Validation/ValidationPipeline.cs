using System.Collections.Concurrent;
using System.Diagnostics;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Renovate;
using GitOpsRunners.Validation.Reports;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Validation;

/// <summary>
/// Validate end to end, in three stages: <see cref="RenderAsync">render</see> (read every YAML file, render every
/// cluster as Flux would), <see cref="CheckAsync">check</see> (rules, schemas, the promotion order) and
/// <see cref="Report">report</see> (drop disabled rules, merge what every cluster found alike). The Renovate check
/// and the kustomize builds of folders no cluster uses run alongside. Returns every finding; never throws for
/// problems in the user's files.
/// </summary>
public sealed class ValidationPipeline(KustomizeCli kustomize, HttpClient http, FluxRenderer? sharedRenderer = null)
{
    public async Task<ValidationResult> RunAsync(ValidationOptions options, CancellationToken ct)
    {
        var layout = LayoutOf(options);
        var total = Stopwatch.StartNew();
        var invocationsBefore = kustomize.Invocations.Count;
        var renovate = Timed(() =>
            new RenovateCheck(http).RunAsync(options.RepositoryRoot, options.RenovateSchema, options.CacheDirectory, ct)
        );
        var (schemaLock, lockFindings) = SchemaLockUse.Load(options.RepositoryRoot, options.Schemas.KubernetesVersion);
        if (schemaLock is not null && options.UseKubeconform)
        {
            options = options with
            {
                Schemas = options.Schemas with
                {
                    Locations = [SchemaLockUse.Template(schemaLock), .. options.Schemas.Locations],
                },
            };
        }

        var registry = new SchemaRegistry(options.Schemas, http, schemaLock, options.Reads);

        var scanTask = Timed(() =>
            new RepositoryScanner().ScanAsync(
                options.RepositoryRoot,
                layout.FullPath(options.KubernetesFolder),
                ct,
                TokenScanner.Scan
            )
        );
        var context = new CheckContext(
            new RuleSet(
                options.RunnerReleases is { } releases
                    ? [.. RuleSet.Default, new RunnerAgePolicy(releases, DateTimeOffset.UtcNow)]
                    : RuleSet.Default,
                options.DisabledRules
            ),
            new CrdSchemaConverter(),
            new CelRuleEvaluator(),
            LocatorAsync(scanTask),
            registry,
            options
        );
        // Each cluster's checks start as soon as it is rendered, while the others still render.
        var started = new ConcurrentDictionary<string, Task<ClusterCheck>>(StringComparer.Ordinal);
        var tree = await RenderAsync(
                layout,
                options,
                registry,
                scanTask,
                cluster => started[cluster.Name] = Task.Run(() => CheckClusterAsync(cluster, context, ct), ct),
                ct
            )
            .ConfigureAwait(false);
        var standalone = Timed(() =>
            new StandaloneKustomizeCheck(kustomize).RunAsync(
                options.RepositoryRoot,
                layout.FullPath(options.KubernetesFolder),
                tree.Clusters,
                ct
            )
        );
        var checks = await CheckAsync(tree, context, started, ct).ConfigureAwait(false);
        var (renovateFindings, renovateTime) = await renovate.ConfigureAwait(false);
        var (standaloneFindings, standaloneTime) = await standalone.ConfigureAwait(false);

        var report = Report(
            tree,
            [.. lockFindings, .. checks.Findings, .. renovateFindings, .. standaloneFindings],
            options
        );
        var timings = new ValidationTimings(
            tree.RenderTime,
            tree.ScanTime,
            checks.SchemaTime,
            checks.RulesTime,
            renovateTime,
            standaloneTime,
            total.Elapsed,
            kustomize.Invocations.Count - invocationsBefore,
            TimeSpan.FromTicks(kustomize.Invocations.Skip(invocationsBefore).Sum(i => i.Elapsed.Ticks))
        );
        return new ValidationResult(report, tree.Clusters, timings);
    }

    private static RepositoryLayout LayoutOf(ValidationOptions options)
    {
        var layout = new RepositoryLayout(options.RepositoryRoot, options.KubernetesFolder);
        if (!Directory.Exists(layout.FullPath(options.KubernetesFolder)))
        {
            throw new UsageException(
                $"--root {options.KubernetesFolder}: no such folder under {options.RepositoryRoot}; point --root at the folder that holds clusters/."
            );
        }

        if (options.Cluster is null && ClusterDiscovery.ClusterNames(layout).Count == 0)
        {
            throw new BuildException(
                $"No clusters to validate: {layout.ClustersFolder}/ under {options.RepositoryRoot} has no cluster folders and {options.KubernetesFolder}/ holds no YAML; put each cluster's Flux entry point in {layout.ClustersFolder}/<cluster>/, or point --root at the folder that has them."
            );
        }

        return layout;
    }

    /// <summary>
    /// Render stage: every YAML file is read (with the token scan) while the clusters render, and the schemas of
    /// the kinds those files declare are fetched and compiled meanwhile, since rendering mostly waits for kustomize.
    /// </summary>
    private async Task<RenderedTree> RenderAsync(
        RepositoryLayout layout,
        ValidationOptions options,
        SchemaRegistry registry,
        Task<(RepositoryScan Value, TimeSpan Elapsed)> scanTask,
        Action<RenderedCluster> rendered,
        CancellationToken ct
    )
    {
        var warmup = options.UseKubeconform ? Task.CompletedTask : WarmSchemasAsync(scanTask, registry, ct);
        var ownRenderer = sharedRenderer is null ? new FluxRenderer(kustomize) : null;
        var renderer = sharedRenderer ?? ownRenderer!;
        var renderClock = Stopwatch.StartNew();
        IReadOnlyList<RenderedCluster> clusters;
        try
        {
            clusters = options.Cluster is { } only
                ? [await renderer.RenderAsync(layout, only, ct).ConfigureAwait(false)]
                : await renderer.RenderAllAsync(layout, ct, rendered).ConfigureAwait(false);
        }
        finally
        {
            ownRenderer?.Dispose();
        }

        var renderTime = renderClock.Elapsed;
        var (scan, scanTime) = await scanTask.ConfigureAwait(false);
        await warmup.ConfigureAwait(false);
        return new RenderedTree(layout, scan, clusters, scanTime, renderTime);
    }

    /// <summary>
    /// Check stage: the findings of reading and rendering (renderer findings about a Flux Kustomization moved to
    /// the field that is wrong), the cluster rules, the schemas of every rendered object, the promotion order and
    /// the repository rules other capabilities supply.
    /// </summary>
    private static async Task<CheckedTree> CheckAsync(
        RenderedTree tree,
        CheckContext context,
        ConcurrentDictionary<string, Task<ClusterCheck>> started,
        CancellationToken ct
    )
    {
        var options = context.Options;
        var findings = new ConcurrentBag<Finding>(tree.Scan.Findings);
        var rulesTime = TimeSpan.Zero;
        var schemaTime = TimeSpan.Zero;
        var locator = await context.Locator.ConfigureAwait(false);
        var unlocked = new SchemaLockUse(options.Schemas);
        // Merged in cluster order, so that "the first object of a kind the lock lacks" is the same in every run.
        foreach (var cluster in tree.Clusters)
        {
            var check = await (
                started.TryGetValue(cluster.Name, out var running) ? running : CheckClusterAsync(cluster, context, ct)
            ).ConfigureAwait(false);
            foreach (var finding in check.Findings)
            {
                findings.Add(finding);
            }

            unlocked.Collect(cluster, check.Registry);
            rulesTime += check.RulesTime;
            schemaTime += check.SchemaTime;
        }

        var rulesClock = new Stopwatch();
        foreach (var finding in unlocked.Findings(locator))
        {
            findings.Add(finding);
        }

        foreach (
            var finding in PromotionOrderRule.Check(
                options.RepositoryRoot,
                options.KubernetesFolder,
                ClusterDiscovery.ClusterNames(tree.Layout).ToList()
            )
        )
        {
            findings.Add(finding);
        }

        rulesClock.Start();
        foreach (var rule in options.RepositoryRules)
        {
            foreach (
                var finding in await rule.CheckAsync(options.RepositoryRoot, tree.Clusters, ct).ConfigureAwait(false)
            )
            {
                findings.Add(finding);
            }
        }

        rulesClock.Stop();
        return new CheckedTree([.. findings], rulesTime + rulesClock.Elapsed, schemaTime);
    }

    /// <summary>
    /// One cluster's checks: the findings of reading and rendering (renderer findings about a Flux Kustomization moved
    /// to the field that is wrong), the cluster rules, and the schemas of every rendered object (with the CRDs the
    /// cluster and its charts bring).
    /// </summary>
    private static async Task<ClusterCheck> CheckClusterAsync(
        RenderedCluster cluster,
        CheckContext context,
        CancellationToken ct
    )
    {
        var options = context.Options;
        var locator = await context.Locator.ConfigureAwait(false);
        var fromOutsideTask = options.ClusterSchemaSource is { } source
            ? source.ResolveAsync(cluster, locator, ct)
            : Task.FromResult(ClusterSchemas.None);
        var findings = new List<Finding>();
        var rulesClock = Stopwatch.StartNew();
        // An incomplete render (an object dropped by a failed build) would make its sources look unused.
        var complete = !cluster.Findings.Any(f => f.Severity == Severity.Error);
        findings.AddRange(cluster.Findings.Select(f => Relocate(f, locator)));
        findings.AddRange(
            context.Rules.Check(cluster, locator).Where(f => complete || f.RuleId != UnusedSourceRule.Descriptor.Id)
        );
        rulesClock.Stop();

        var schemaClock = Stopwatch.StartNew();
        var fromOutside = await fromOutsideTask.ConfigureAwait(false);
        findings.AddRange(fromOutside.Findings.Select(f => f with { Cluster = cluster.Name }));
        var crds = cluster
            .Objects.Select(o => o.Manifest)
            .Where(CrdSchemaConverter.IsCrd)
            .SelectMany(context.Converter.Convert)
            .ToList();
        var clusterRegistry = context.Registry.WithCustomResources([.. fromOutside.Schemas, .. crds]);
        var schemaFindings = options.UseKubeconform
            ? await KubeconformSchemaCheck.RunAsync(cluster, options, locator, ct).ConfigureAwait(false)
            : await ValidateSchemasAsync(cluster, clusterRegistry, context.Cel, options, locator, ct)
                .ConfigureAwait(false);
        findings.AddRange(schemaFindings.Select(f => f with { Cluster = cluster.Name }));
        schemaClock.Stop();
        return new ClusterCheck(findings, clusterRegistry, rulesClock.Elapsed, schemaClock.Elapsed);
    }

    private static async Task<ScanLocator> LocatorAsync(Task<(RepositoryScan Value, TimeSpan Elapsed)> scanTask) =>
        new((await scanTask.ConfigureAwait(false)).Value.Manifests);

    /// <summary>What every cluster's checks share in one run.</summary>
    private sealed record CheckContext(
        RuleSet Rules,
        CrdSchemaConverter Converter,
        CelRuleEvaluator Cel,
        Task<ScanLocator> Locator,
        SchemaRegistry Registry,
        ValidationOptions Options
    );

    /// <summary>What one cluster's checks found, the registry its schemas came from, and the time they took.</summary>
    private sealed record ClusterCheck(
        IReadOnlyList<Finding> Findings,
        SchemaRegistry Registry,
        TimeSpan RulesTime,
        TimeSpan SchemaTime
    );

    private static async Task<IReadOnlyList<Finding>> ValidateSchemasAsync(
        RenderedCluster cluster,
        SchemaRegistry registry,
        CelRuleEvaluator cel,
        ValidationOptions options,
        ScanLocator locator,
        CancellationToken ct
    )
    {
        var validator = new ManifestSchemaValidator(registry, options.Schemas, locator, cel);
        var findings = new ConcurrentBag<Finding>();
        await Parallel
            .ForEachAsync(
                cluster.Objects,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
                async (rendered, token) =>
                {
                    foreach (
                        var finding in await validator.ValidateAsync(rendered.Manifest, token).ConfigureAwait(false)
                    )
                    {
                        findings.Add(finding);
                    }
                }
            )
            .ConfigureAwait(false);
        return [.. findings];
    }

    /// <summary>
    /// Report stage: findings of rules turned off for this run are dropped, and one finding about a shared file
    /// that every cluster reports the same way is shown once, naming the clusters.
    /// </summary>
    private static ValidationReport Report(RenderedTree tree, IEnumerable<Finding> findings, ValidationOptions options)
    {
        var kept = findings
            .Where(f => !options.DisabledRules.Contains(f.RuleId))
            .GroupBy(f => f with { Cluster = null })
            .Select(g =>
                g.Key with
                {
                    Cluster = g.Select(f => f.Cluster)
                        .OfType<string>()
                        .Distinct(StringComparer.Ordinal)
                        .Order(StringComparer.Ordinal)
                        .ToList()
                        is { Count: > 0 } names
                        ? string.Join(", ", names)
                        : null,
                }
            )
            .ToList();
        return new ValidationReport(
            tree.Clusters.Select(c => c.Name).ToList(),
            tree.Clusters.Sum(c => c.Objects.Count),
            kept,
            [
                .. RuleCatalog.All,
                .. options.RepositoryRules.SelectMany(rule => rule.Descriptors),
                .. options.ClusterSchemaSource?.Descriptors ?? [],
            ]
        );
    }

    /// <summary>
    /// Fetches and compiles the schemas of the kinds the files declare. Failures are left in the registry's cache
    /// and reported, with their location, by the validation that needs the schema.
    /// </summary>
    private static async Task WarmSchemasAsync(
        Task<(RepositoryScan Value, TimeSpan Elapsed)> scanTask,
        SchemaRegistry registry,
        CancellationToken ct
    )
    {
        var (scan, _) = await scanTask.ConfigureAwait(false);
        var kinds = scan.Manifests.Select(m => (m.ApiVersion, m.Kind)).Distinct().ToList();
        try
        {
            await Parallel
                .ForEachAsync(
                    kinds,
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
                    async (kind, token) =>
                        await registry.ResolveAsync(kind.ApiVersion, kind.Kind, token).ConfigureAwait(false)
                )
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reported, with its location, by the validation that needs the schema.
        }
    }

    private static async Task<(T Value, TimeSpan Elapsed)> Timed<T>(Func<Task<T>> work)
    {
        await Task.Yield();
        var clock = Stopwatch.StartNew();
        var value = await work().ConfigureAwait(false);
        return (value, clock.Elapsed);
    }

    /// <summary>Renderer findings about a Flux Kustomization point at the field that is wrong, not at the object.</summary>
    private static readonly Dictionary<string, string[]> KustomizationFields = new(StringComparer.Ordinal)
    {
        [RenderRules.PathMissing.Id] = ["spec", "path"],
        [RenderRules.SourceUnsupported.Id] = ["spec", "sourceRef"],
        [RenderRules.SubstituteFromMissing.Id] = ["spec", "postBuild", "substituteFrom"],
        [RenderRules.DependsOnMissing.Id] = ["spec", "dependsOn"],
        [RenderRules.DependsOnCycle.Id] = ["spec", "dependsOn"],
    };

    private static Finding Relocate(Finding finding, ScanLocator locator) =>
        finding.Location is { } at && KustomizationFields.TryGetValue(finding.RuleId, out var path)
            ? finding with
            {
                Location = locator.Locate(at, path),
            }
            : finding;
}
