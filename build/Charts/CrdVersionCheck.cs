using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Charts;

/// <summary>
/// Checks the API version of every custom resource against the CRD its pinned chart installs, as the API server
/// serves it: a version the CRD does not list, or lists with <c>served: false</c>, is refused
/// (<see cref="ChartRules.CrdVersion"/>, naming the chart version and the version to use); a version marked
/// <c>deprecated</c> is a warning with the CRD's <c>deprecationWarning</c> (<see cref="ChartRules.CrdDeprecated"/>).
/// Pure.
/// </summary>
public static class CrdVersionCheck
{
    public static IReadOnlyList<Finding> Check(
        IEnumerable<Manifest> objects,
        IEnumerable<(Manifest Crd, ChartSource Chart)> crds,
        ISourceLocator locator
    )
    {
        var byKind = new Dictionary<(string Group, string Kind), (Manifest Crd, ChartSource Chart)>();
        foreach (var (crd, chart) in crds)
        {
            if (
                crd.Body.ScalarAt("spec", "group") is { } group
                && crd.Body.ScalarAt("spec", "names", "kind") is { } kind
            )
            {
                byKind.TryAdd((group, kind), (crd, chart));
            }
        }

        var findings = new List<Finding>();
        foreach (var manifest in objects)
        {
            if (!byKind.TryGetValue((manifest.Group, manifest.Kind), out var found))
            {
                continue;
            }

            var versions = found.Crd.Body.ItemsAt("spec", "versions").ToList();
            var version = versions.FirstOrDefault(v => v.ScalarAt("name") == manifest.Version);
            var served = version is not null && version.BoolAt("served") != false;
            var at = locator.Locate(manifest, "apiVersion");
            if (!served)
            {
                var use = versions.Where(v => v.BoolAt("served") != false).ToList();
                var preferred = use.FirstOrDefault(v => v.BoolAt("storage") == true) ?? use.FirstOrDefault();
                findings.Add(
                    new Finding(
                        ChartRules.CrdVersion,
                        $"{manifest.ApiVersion} is not served by the CRDs of {found.Chart.Display}"
                            + (version is null ? "" : " (served: false)")
                            + (
                                preferred?.ScalarAt("name") is { } name
                                    ? $"; use {name}"
                                    : "; the CRD serves no version"
                            )
                            + $" ({manifest.Kind} {manifest.Name}).",
                        at,
                        Object: manifest.Id
                    )
                );
            }
            else if (version!.BoolAt("deprecated") == true)
            {
                var warning =
                    version.ScalarAt("deprecationWarning") ?? $"{manifest.ApiVersion} {manifest.Kind} is deprecated";
                findings.Add(
                    new Finding(
                        ChartRules.CrdDeprecated,
                        $"{warning} (CRD of {found.Chart.Display}; {manifest.Kind} {manifest.Name}).",
                        at,
                        Object: manifest.Id
                    )
                );
            }
        }

        return findings;
    }
}
