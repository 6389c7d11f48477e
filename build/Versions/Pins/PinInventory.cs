using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Versions.Editing;

namespace GitOpsRunners.Versions.Pins;

/// <summary>
/// Every version pin of a rendered cluster, each traced to the source line that sets it: through
/// <c>${VAR}</c> in the unrendered field to the ConfigMap key (or inline <c>substitute</c>) of the
/// Flux Kustomization that applied the object, or to the field itself when it holds the value literally.
/// </summary>
public static class PinInventory
{
    public static IReadOnlyList<VersionPin> Find(RenderedCluster cluster, PinSources sources)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(sources);
        var origins = new VariableOrigins(cluster, sources);
        return PinFields
            .Of(cluster)
            .Select(field => Trace(cluster.Name, field, sources, origins))
            .OrderBy(p => p.GroupName, StringComparer.Ordinal)
            .ThenBy(p => p.Component, StringComparer.Ordinal)
            .ThenBy(p => p.Field, StringComparer.Ordinal)
            .ToList();
    }

    private static VersionPin Trace(string cluster, PinField field, PinSources sources, VariableOrigins origins)
    {
        var raw = sources.DocumentOf(field.Object.Manifest);
        PinSite? site = null;
        PinSite? digestSite = null;
        var digestInSite = false;
        if (field.Digest is not null && field.DigestPath is null && field.Version.Length > 0)
        {
            site = Locate(field, field.VersionPath, $"{field.Version}@{field.Digest}", raw, origins);
            digestInSite = site is not null;
        }

        if (site is null)
        {
            site = field.Version.Length > 0 ? Locate(field, field.VersionPath, field.Version, raw, origins) : null;
            digestSite = field.Digest is null
                ? null
                : Locate(field, field.DigestPath ?? field.VersionPath, field.Digest, raw, origins);
            if (field.Version.Length == 0 && digestSite is not null)
            {
                (site, digestSite, digestInSite) = (digestSite, null, true);
            }
        }

        var group =
            field.Kind is PinKind.HelmChartOci or PinKind.HelmChartHttp
            && field.Component is ArcCharts.Controller or ArcCharts.ScaleSet
                ? VersionPin.ArcGroup
                : null;
        return new VersionPin(
            cluster,
            field.Component,
            field.Kind,
            field.Source,
            field.Version,
            field.Digest,
            site?.Location ?? digestSite?.Location ?? field.Object.Manifest.Location,
            site?.Variable ?? digestSite?.Variable,
            group
        )
        {
            Field = field.Field,
            Site = site,
            DigestSite = digestSite,
            DigestInSite = digestInSite,
        };
    }

    private static PinSite? Locate(
        PinField field,
        IReadOnlyList<YamlPathSegment> path,
        string piece,
        RawDocument? raw,
        VariableOrigins origins
    )
    {
        if (RawScalar.At(raw, path) is not { } scalar)
        {
            return null;
        }

        foreach (var variable in VariableOrigins.References(scalar.Value))
        {
            if (
                origins.TryFind(field.Object.AppliedBy, variable, out var origin)
                && origin is not null
                && origin.Value.Contains(piece, StringComparison.Ordinal)
            )
            {
                return origin.Site(piece, variable);
            }
        }

        return StripReferences(scalar.Value).Contains(piece, StringComparison.Ordinal)
            ? scalar.Site(piece, null)
            : null;
    }

    private static string StripReferences(string text)
    {
        var inDefaults = text;
        foreach (var variable in VariableOrigins.References(text))
        {
            inDefaults = inDefaults.Replace("${" + variable + "}", "", StringComparison.Ordinal);
        }

        return inDefaults;
    }
}
