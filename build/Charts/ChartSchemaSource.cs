using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Charts;

/// <summary>
/// Chart-aware validation of one cluster: the chart each HelmRelease pins is fetched (<see cref="ChartFetcher"/>),
/// its CRDs (<see cref="ChartCrdReader"/>) become the schemas of the cluster's custom resources of those kinds and
/// decide which API versions are served (<see cref="CrdVersionCheck"/>), and its values schema checks the release's
/// values (<see cref="ChartValuesCheck"/>). A CRD the cluster applies itself wins over the chart's. A chart that
/// cannot be had is one warning, and its kinds fall back to the schema lock and locations.
/// </summary>
public sealed class ChartSchemaSource(ChartFetcher fetcher) : IClusterSchemaSource
{
    private readonly CrdSchemaConverter _converter = new();

    /// <summary>The ids chart-aware validation reports (<see cref="ChartRules"/>), for the rule catalogue's test.</summary>
    public static IReadOnlyList<RuleDescriptor> Declared => ChartRules.Descriptors;

    public IReadOnlyList<RuleDescriptor> Descriptors => Declared;

    public async Task<ClusterSchemas> ResolveAsync(
        RenderedCluster cluster,
        ISourceLocator locator,
        CancellationToken ct
    )
    {
        var result = await CheckAsync(cluster, locator, ct).ConfigureAwait(false);
        return new ClusterSchemas([.. result.Schemas.Select(s => s.Schema)], result.Findings);
    }

    public async Task<ChartCheckResult> CheckAsync(
        RenderedCluster cluster,
        ISourceLocator locator,
        CancellationToken ct
    )
    {
        var (releases, findings) = ChartReleaseReader.Read(cluster, locator);
        var all = new List<Finding>(findings);
        var objects = cluster.Objects.Select(o => o.Manifest).ToList();
        var ownKinds = objects
            .Where(CrdSchemaConverter.IsCrd)
            .Select(crd => (crd.Body.ScalarAt("spec", "group"), crd.Body.ScalarAt("spec", "names", "kind")))
            .ToHashSet();
        var fetched = await Task.WhenAll(releases.Select(r => fetcher.FetchAsync(r.Source, ct))).ConfigureAwait(false);
        var crds = new List<(Manifest Crd, ChartSource Chart, string Digest)>();
        foreach (var (release, fetch) in releases.Zip(fetched))
        {
            var pin = locator.Locate(release.PinnedBy, release.VersionPath);
            if (fetch.Archive is not { } archive)
            {
                all.Add(new Finding(fetch.Rule!, fetch.Problem!, pin, Object: release.Release.Id));
                continue;
            }

            var read = ChartCrdReader.Read(
                archive,
                $"{release.Source.Chart}-{release.Source.Version}.tgz",
                ChartValuesCheck.RenderValues(release, archive, objects)
            );
            crds.AddRange(
                read.Crds.Where(crd =>
                        !ownKinds.Contains(
                            (crd.Body.ScalarAt("spec", "group"), crd.Body.ScalarAt("spec", "names", "kind"))
                        )
                    )
                    .Select(crd => (crd, release.Source, archive.Digest))
            );
            all.AddRange(
                read.Unreadable.Select(t => new Finding(
                    ChartRules.CrdTemplate,
                    $"{release.Source.Display}: {t.File} is a CRD template that needs Helm to render ({t.Action}); its custom resources are checked against the schema lock and locations instead.",
                    pin,
                    Object: release.Release.Id
                ))
            );
            all.AddRange(
                await ChartValuesCheck.CheckAsync(release, archive, objects, locator, ct).ConfigureAwait(false)
            );
        }

        all.AddRange(CrdVersionCheck.Check(objects, crds.Select(c => (c.Crd, c.Chart)), locator));
        var schemas = new List<ChartSchema>();
        foreach (var (crd, chart, digest) in crds)
        {
            try
            {
                schemas.AddRange(_converter.Convert(crd).Select(s => new ChartSchema(s, chart, digest)));
            }
            catch (Engine.BuildException e)
            {
                all.Add(new Finding(ChartRules.Archive, $"{chart.Display}: {e.Message}", crd.Location));
            }
        }

        return new ChartCheckResult(schemas, all.Distinct().ToList());
    }
}
