using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Charts;

/// <summary>
/// What <c>Schemas --lock</c> pins from charts: the schemas of the CRDs of every chart the clusters pin, each
/// with the chart it came from and the digest of its archive (source <c>chart</c>), so that Validate finds them in the
/// lock when the registry cannot be reached. When clusters pin different versions of one chart, the first
/// cluster's schema of a kind is kept (the lock holds one schema per kind).
/// </summary>
public sealed record ChartLockSchemas(
    IReadOnlyList<(CrdSchema Schema, SchemaLockSource Source)> Schemas,
    IReadOnlyList<Finding> Findings
)
{
    public static async Task<ChartLockSchemas> ForAsync(
        ChartSchemaSource source,
        IReadOnlyList<RenderedCluster> clusters,
        CancellationToken ct
    )
    {
        var schemas = new List<(CrdSchema, SchemaLockSource)>();
        var findings = new List<Finding>();
        foreach (var cluster in clusters)
        {
            var result = await source.CheckAsync(cluster, ObjectLocator.Instance, ct).ConfigureAwait(false);
            schemas.AddRange(
                result.Schemas.Select(s =>
                    (s.Schema, new SchemaLockSource(SchemaLockSource.FromChart, s.Chart.Key, s.Digest))
                )
            );
            findings.AddRange(result.Findings);
        }

        return new ChartLockSchemas(schemas, findings.Distinct().ToList());
    }
}
