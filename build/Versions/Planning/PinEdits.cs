using GitOpsRunners.Engine;
using GitOpsRunners.Versions.Editing;
using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Versions.Planning;

/// <summary>
/// Turns pin changes into YAML edits per file. Pins that share a site (one ConfigMap key read by
/// several objects) give one edit; two different new values for one site are a contradiction.
/// </summary>
internal static class PinEdits
{
    public static bool CanEdit(PinChange change) =>
        change.Pin.Site is not null
        && (change.ToDigest == change.FromDigest || change.Pin.DigestInSite || change.Pin.DigestSite is not null);

    /// <exception cref="BuildException">Two changes want different values at the same source line.</exception>
    public static IReadOnlyList<YamlFileEdit> For(IEnumerable<PinChange> changes)
    {
        var wanted =
            new Dictionary<
                (string File, YamlScalarAddress Address, string Text),
                (PinSite Site, string NewText, PinChange By)
            >();
        foreach (var change in changes)
        {
            var pin = change.Pin;
            if (change.To != change.From || (pin.DigestInSite && change.ToDigest != change.FromDigest))
            {
                Want(wanted, pin.Site!, pin.SiteText(change.To, change.ToDigest), change);
            }

            if (pin.DigestSite is { } digestSite && change.ToDigest is { } digest && digest != change.FromDigest)
            {
                Want(wanted, digestSite, digest, change);
            }
        }

        return wanted
            .Values.GroupBy(w => w.Site.Location.File, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new YamlFileEdit(
                g.Key,
                g.OrderBy(w => w.Site.Location.Line)
                    .ThenBy(w => w.Site.Location.Column)
                    .Select(w => w.Site.EditTo(w.NewText))
                    .ToList()
            ))
            .ToList();
    }

    private static void Want(
        Dictionary<(string, YamlScalarAddress, string), (PinSite, string, PinChange)> wanted,
        PinSite site,
        string newText,
        PinChange change
    )
    {
        var key = (site.Location.File, site.Address, site.Text);
        if (wanted.TryGetValue(key, out var earlier) && earlier.Item2 != newText)
        {
            throw new BuildException(
                $"{site.Location}: {earlier.Item3.Pin.Component} and {change.Pin.Component} share this value but would move to different versions "
                    + $"('{earlier.Item2}' and '{newText}'); give them separate variables or bump them together with --only"
            );
        }

        wanted[key] = (site, newText, change);
    }
}
