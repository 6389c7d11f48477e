using System.Collections.Concurrent;
using System.Diagnostics;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Renovate;
using GitOpsRunners.Validation.Reports;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Validation;

/// <summary>
/// Validate end to end: parse every YAML file, render every cluster as Flux would, then check schemas,
/// references and policies. Returns every finding; never throws for problems in the user's files.
/// </summary>
public sealed class ValidationPipeline(KustomizeCli kustomize, HttpClient http, FluxRenderer? sharedRenderer = null)
{
    public async Task<ValidationResult> RunAsync(ValidationOptions options, CancellationToken ct)
    {
        var root = options.RepositoryRoot;
        var treeRoot = Path.GetFullPath(Path.Combine(root, options.KubernetesFolder));
        if (!Directory.Exists(treeRoot))
        {
            throw new Engine.UsageException(
                $"--root {options.KubernetesFolder}: no such folder under {root}; point --root at the folder that holds clusters/."
            );
        }

        var layoutToCheck = new RepositoryLayout(root, options.KubernetesFolder);
        if (options.Cluster is null && ClusterDiscovery.ClusterNames(layoutToCheck).Count == 0)
        {
            throw new Engine.BuildException(
                $"No clusters to validate: {layoutToCheck.ClustersFolder}/ under {root} has no cluster folders and {options.KubernetesFolder}/ holds no YAML; put each cluster's Flux entry point in {layoutToCheck.ClustersFolder}/<cluster>/, or point --root at the folder that has them."
            );
        }

        var total = Stopwatch.StartNew();
        var invocationsBefore = kustomize.Invocations.Count;
        var findings = new ConcurrentBag<Finding>();
        var scanTask = Timed(() => new RepositoryScanner().ScanAsync(root, treeRoot, ct, TokenScanner.Scan));
        var renovateTask = Timed(() => CheckRenovateAsync(options, ct));

        var (schemaLock, lockFindings) = SchemaLockUse.Load(root, options.Schemas.KubernetesVersion);
        foreach (var finding in lockFindings)
        {
            findings.Add(finding);
        }

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

        var registry = new SchemaRegistry(options.Schemas, http, schemaLock);
        var unlocked = new SchemaLockUse(options.Schemas);
        var warmup = options.UseKubeconform ? Task.CompletedTask : WarmSchemasAsync(scanTask, registry, ct);
        var layout = new RepositoryLayout(root, options.KubernetesFolder);
        var ownRenderer = sharedRenderer is null ? new FluxRenderer(kustomize) : null;
        var renderer = sharedRenderer ?? ownRenderer!;
        var renderClock = Stopwatch.StartNew();
        IReadOnlyList<RenderedCluster> clusters;
        try
        {
            clusters = options.Cluster is { } only
                ? [await renderer.RenderAsync(layout, only, ct).ConfigureAwait(false)]
                : await renderer.RenderAllAsync(layout, ct).ConfigureAwait(false);
        }
        finally
        {
            ownRenderer?.Dispose();
        }

        var renderTime = renderClock.Elapsed;
        var standaloneTask = Timed(() =>
            new StandaloneKustomizeCheck(kustomize).RunAsync(root, treeRoot, clusters, ct)
        );
        var (scan, scanTime) = await scanTask.ConfigureAwait(false);
        foreach (var finding in scan.Findings)
        {
            findings.Add(finding);
        }

        var rulesClock = new Stopwatch();
        var schemaClock = new Stopwatch();
        var locator = new ScanLocator(scan.Manifests);
        await warmup.ConfigureAwait(false);
        var rules = new RuleSet(
            options.RunnerReleases is { } releases
                ? [.. RuleSet.Default, new RunnerAgePolicy(releases, DateTimeOffset.UtcNow)]
                : RuleSet.Default,
            options.DisabledRules
        );
        var converter = new CrdSchemaConverter();
        var cel = new CelRuleEvaluator();
        foreach (var cluster in clusters)
        {
            // An incomplete render (an object dropped by a failed build) would make its sources look unused.
            rulesClock.Start();
            var complete = !cluster.Findings.Any(f => f.Severity == Severity.Error);
            foreach (
                var finding in cluster
                    .Findings.Select(f => Relocate(f, locator))
                    .Concat(rules.Check(cluster, locator).Where(f => complete || f.RuleId != "source-unused"))
            )
            {
                findings.Add(finding);
            }

            rulesClock.Stop();
            schemaClock.Start();
            var crds = cluster
                .Objects.Select(o => o.Manifest)
                .Where(CrdSchemaConverter.IsCrd)
                .SelectMany(converter.Convert)
                .ToList();
            var clusterRegistry = registry.WithCustomResources(crds);
            unlocked.Collect(cluster, clusterRegistry);
            if (options.UseKubeconform)
            {
                foreach (
                    var finding in await KubeconformSchemaCheck
                        .RunAsync(cluster, options, locator, ct)
                        .ConfigureAwait(false)
                )
                {
                    findings.Add(finding with { Cluster = cluster.Name });
                }

                schemaClock.Stop();
                continue;
            }

            var validator = new ManifestSchemaValidator(clusterRegistry, options.Schemas, locator, cel);
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
                            findings.Add(finding with { Cluster = cluster.Name });
                        }
                    }
                )
                .ConfigureAwait(false);
            schemaClock.Stop();
        }

        foreach (var finding in unlocked.Findings(locator))
        {
            findings.Add(finding);
        }

        foreach (var finding in CheckPromotionOrder(options, layout))
        {
            findings.Add(finding);
        }

        rulesClock.Start();
        foreach (var rule in options.RepositoryRules)
        {
            foreach (var finding in await rule.CheckAsync(root, clusters, ct).ConfigureAwait(false))
            {
                findings.Add(finding);
            }
        }

        rulesClock.Stop();

        var (renovate, renovateTime) = await renovateTask.ConfigureAwait(false);
        var (standalone, standaloneTime) = await standaloneTask.ConfigureAwait(false);
        foreach (var finding in renovate.Concat(standalone))
        {
            findings.Add(finding);
        }

        var kept = MergeClusters(findings.Where(f => !options.DisabledRules.Contains(f.RuleId)));
        var report = new ValidationReport(
            clusters.Select(c => c.Name).ToList(),
            clusters.Sum(c => c.Objects.Count),
            kept
        );
        var timings = new ValidationTimings(
            renderTime,
            scanTime,
            schemaClock.Elapsed,
            rulesClock.Elapsed,
            renovateTime,
            standaloneTime,
            total.Elapsed,
            kustomize.Invocations.Count - invocationsBefore,
            TimeSpan.FromTicks(kustomize.Invocations.Skip(invocationsBefore).Sum(i => i.Elapsed.Ticks))
        );
        return new ValidationResult(report, clusters, timings);
    }

    /// <summary>
    /// Rendering mostly waits for kustomize processes, so the schemas of the kinds the files declare are
    /// fetched and compiled meanwhile. Failures are left in the registry's cache and reported when validating.
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
        [RenderRuleIds.PathMissing] = ["spec", "path"],
        [RenderRuleIds.SourceUnsupported] = ["spec", "sourceRef"],
        [RenderRuleIds.SubstituteFromMissing] = ["spec", "postBuild", "substituteFrom"],
        [RenderRuleIds.DependsOnMissing] = ["spec", "dependsOn"],
        [RenderRuleIds.DependsOnCycle] = ["spec", "dependsOn"],
    };

    private static Finding Relocate(Finding finding, ScanLocator locator) =>
        finding.Location is { } at && KustomizationFields.TryGetValue(finding.RuleId, out var path)
            ? finding with
            {
                Location = locator.Locate(at, path),
            }
            : finding;

    /// <summary>One finding about a shared file that every cluster reports the same way is shown once, naming the clusters.</summary>
    private static List<Finding> MergeClusters(IEnumerable<Finding> findings) =>
        findings
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

    /// <summary>The promotion order, when the tree declares one, names every cluster once.</summary>
    private static IEnumerable<Finding> CheckPromotionOrder(ValidationOptions options, RepositoryLayout layout)
    {
        if (
            !File.Exists(
                Path.Combine(options.RepositoryRoot, options.KubernetesFolder, Promotion.PromotionOrder.FileName)
            )
        )
        {
            return [];
        }

        try
        {
            var order = Promotion.PromotionOrder.Load(options.RepositoryRoot, options.KubernetesFolder);
            return order.Check(ClusterDiscovery.ClusterNames(layout).ToList());
        }
        catch (Engine.BuildException e)
        {
            var file = Path.Combine(options.KubernetesFolder, Promotion.PromotionOrder.FileName).Replace('\\', '/');
            return
            [
                new Finding(
                    Severity.Error,
                    Promotion.PromotionOrder.RuleId,
                    e.Message,
                    new Diagnostics.SourceLocation(file, 1)
                ),
            ];
        }
    }

    private async Task<IReadOnlyList<Finding>> CheckRenovateAsync(ValidationOptions options, CancellationToken ct)
    {
        var path = Path.Combine(options.RepositoryRoot, "renovate.json");
        if (!File.Exists(path))
        {
            return [];
        }

        // Loading Renovate's large schema dominates a warm run: a configuration that already passed against the
        // same schema is not checked again.
        var stamp = Path.Combine(
            options.CacheDirectory,
            "renovate-check",
            RenovateStampKey(path, options.RenovateSchema) + ".ok"
        );
        if (File.Exists(stamp))
        {
            return [];
        }

        var source = new RenovateSchemaSource(options.RenovateSchema, options.CacheDirectory, http);
        IReadOnlyList<Finding> findings;
        try
        {
            findings = await new RenovateConfigValidator(source)
                .ValidateAsync(path, "renovate.json", ct)
                .ConfigureAwait(false);
        }
        catch (RenovateSchemaUnavailableException e)
        {
            // Offline is not a broken configuration: say that the check did not run, and how to run it.
            return
            [
                new Finding(
                    Severity.Warning,
                    RenovateConfigValidator.SchemaRule,
                    $"renovate.json was not checked: {e.Message}",
                    new SourceLocation("renovate.json", 1)
                ),
            ];
        }

        if (findings.Count == 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
            await File.WriteAllTextAsync(stamp, options.RenovateSchema, ct).ConfigureAwait(false);
        }

        return findings;
    }

    private static string RenovateStampKey(string configPath, string schemaLocation)
    {
        var schemaIdentity = File.Exists(schemaLocation)
            ? $"{Path.GetFullPath(schemaLocation)}|{new FileInfo(schemaLocation).Length}|{File.GetLastWriteTimeUtc(schemaLocation).Ticks}"
            : schemaLocation;
        var bytes = File.ReadAllBytes(configPath)
            .Concat(System.Text.Encoding.UTF8.GetBytes("\0" + schemaIdentity))
            .ToArray();
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }
}
