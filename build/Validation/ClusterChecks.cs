using System.Collections.Concurrent;
using System.Diagnostics;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Validation;

/// <summary>
/// The checks of one rendered cluster (renderer findings, rules, schemas), run as soon as that cluster is
/// rendered while other clusters still build. Findings go to a shared bag; the report orders them.
/// </summary>
internal sealed class ClusterChecks(
    ValidationOptions options,
    RuleSet rules,
    SchemaRegistry registry,
    SchemaLockUse unlocked,
    ConcurrentBag<Finding> findings
)
{
    private readonly CrdSchemaConverter _converter = new();
    private long _rulesTicks;
    private long _schemaTicks;

    public TimeSpan RulesTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _rulesTicks));
    public TimeSpan SchemaTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _schemaTicks));

    public async Task CheckAsync(
        RenderedCluster cluster,
        ScanLocator locator,
        Func<Finding, Finding> relocate,
        CancellationToken ct
    )
    {
        var started = Stopwatch.GetTimestamp();

        // An incomplete render (an object dropped by a failed build) would make its sources look unused.
        var complete = !cluster.Findings.Any(f => f.Severity == Severity.Error);
        foreach (
            var finding in cluster
                .Findings.Select(relocate)
                .Concat(rules.Check(cluster, locator).Where(f => complete || f.RuleId != "source-unused"))
        )
        {
            findings.Add(finding);
        }

        var schemaStarted = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _rulesTicks, schemaStarted - started);
        var crds = cluster
            .Objects.Select(o => o.Manifest)
            .Where(CrdSchemaConverter.IsCrd)
            .SelectMany(_converter.Convert)
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
        }
        else
        {
            var validator = new ManifestSchemaValidator(clusterRegistry, options.Schemas, locator);
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
        }

        Interlocked.Add(ref _schemaTicks, Stopwatch.GetTimestamp() - schemaStarted);
    }
}
