using GitOpsRunners.Git;
using GitOpsRunners.Versions.Editing;
using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Promotion;

/// <summary>
/// Finds in git history when a pin's current value arrived on <paramref name="branch"/>: walking the commits that
/// changed the pin's file, newest first, the last one that still holds the value at the pin's line is the arrival.
/// </summary>
public sealed class PinHistory(GitWorkspace git, string branch)
{
    public PinArrival ArrivalOf(VersionPin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var sites = new[] { pin.Site, pin.DigestSite }.OfType<PinSite>().ToList();
        if (sites.Count == 0)
        {
            return new PinArrival(pin, git.FileHistory(pin.SetAt.File, branch, limit: 1).FirstOrDefault());
        }

        FileRevision? latest = null;
        foreach (var site in sites)
        {
            var arrived = ArrivalOf(site);
            if (arrived is null)
            {
                return new PinArrival(pin, null);
            }

            latest = latest is null || arrived.CommittedAt > latest.CommittedAt ? arrived : latest;
        }

        return new PinArrival(pin, latest);
    }

    private FileRevision? ArrivalOf(PinSite site)
    {
        FileRevision? arrived = null;
        foreach (var revision in git.FileHistory(site.Location.File, branch))
        {
            if (!Holds(git.ReadFile(revision.Sha, site.Location.File), site))
            {
                break;
            }

            arrived = revision;
        }

        return arrived;
    }

    private static bool Holds(string? text, PinSite site)
    {
        if (text is null)
        {
            return false;
        }

        try
        {
            return YamlScalarEditor
                .Locate(text, site.Address, site.Location.File)
                .Value.Contains(site.Text, StringComparison.Ordinal);
        }
        catch (YamlEditException)
        {
            return false;
        }
    }
}
