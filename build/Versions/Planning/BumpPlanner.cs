using GitOpsRunners.Versions.Pins;
using NuGet.Versioning;

namespace GitOpsRunners.Versions.Planning;

/// <summary>
/// Decides new versions for pins (pure). Each pin takes the highest tag the policy allows; a pin that
/// records a digest takes the new tag's digest, or, with no newer tag, a new digest of the same tag
/// (update type <c>digest</c>). The two ARC charts of a cluster move together and only to a version both
/// charts have; if they differ today the plan aligns them. Output order is deterministic.
/// </summary>
public static class BumpPlanner
{
    public static BumpPlan Plan(
        IReadOnlyList<VersionPin> pins,
        IReadOnlyDictionary<PinKey, AvailableVersions> available,
        BumpPolicy policy
    )
    {
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(policy);
        var notes = new List<string>();
        var changes = new List<PinChange>();
        foreach (
            var arc in pins.Where(p => p.Group == VersionPin.ArcGroup).GroupBy(p => p.Cluster, StringComparer.Ordinal)
        )
        {
            if (arc.Any(policy.Selects))
            {
                changes.AddRange(ArcChanges(arc.ToList(), available, policy, notes));
            }
        }

        foreach (var pin in pins.Where(p => p.Group != VersionPin.ArcGroup && policy.Selects(p)))
        {
            if (!available.TryGetValue(pin.Key, out var versions))
            {
                notes.Add(
                    $"{pin.SetAt}: no available versions were given for {pin.Key}; {pin.Component} is left as it is"
                );
            }
            else if (Single(pin, versions, policy, notes) is { } change)
            {
                changes.Add(change);
            }
        }

        var editable = changes.Where(c => Editable(c, notes)).ToList();
        return new BumpPlan(Group(editable), PinEdits.For(editable), notes);
    }

    internal static IReadOnlyList<PinChangeGroup> Group(IEnumerable<PinChange> changes) =>
        changes
            .GroupBy(c => c.Pin.GroupName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PinChangeGroup(
                g.Key,
                g.OrderBy(c => c.Pin.Cluster, StringComparer.Ordinal)
                    .ThenBy(c => c.Pin.Component, StringComparer.Ordinal)
                    .ThenBy(c => c.Pin.Field, StringComparer.Ordinal)
                    .ToList()
            ))
            .ToList();

    internal static bool Editable(PinChange change, List<string> notes)
    {
        if (PinEdits.CanEdit(change))
        {
            return true;
        }

        notes.Add(
            $"{change.Pin.SetAt}: {change.Pin.Component} should move to {change.To}{(change.ToDigest is null ? "" : "@" + change.ToDigest)} "
                + "but the source line that sets it was not found; edit it by hand"
        );
        return false;
    }

    private static PinChange? Single(VersionPin pin, AvailableVersions versions, BumpPolicy policy, List<string> notes)
    {
        var current = PinVersion.Parse(pin.CurrentVersion);
        var best = current is null ? null : Highest(versions.Versions, v => PinVersion.Allowed(current, v, policy));
        var tracksDigest = pin.CurrentDigest is not null;
        if (best is not null)
        {
            var tag = PinVersion.TagOf(best, versions.Versions, pin.CurrentVersion)!;
            var digest = tracksDigest ? versions.DigestOf(tag) : null;
            if (!tracksDigest || digest is not null)
            {
                return new PinChange(
                    pin,
                    pin.CurrentVersion,
                    tag,
                    pin.CurrentDigest,
                    digest,
                    PinVersion.Step(current, best),
                    versions.ReleaseNotesOf(tag)
                );
            }

            notes.Add(
                $"{pin.SetAt}: {pin.Component} {tag} has no known digest and the pin records one; not bumped to {tag}"
            );
        }

        return tracksDigest && versions.DigestOf(pin.CurrentVersion) is { } sameTag && sameTag != pin.CurrentDigest
            ? new PinChange(pin, pin.CurrentVersion, pin.CurrentVersion, pin.CurrentDigest, sameTag, UpdateType.Digest)
            : null;
    }

    private static IEnumerable<PinChange> ArcChanges(
        List<VersionPin> arc,
        IReadOnlyDictionary<PinKey, AvailableVersions> available,
        BumpPolicy policy,
        List<string> notes
    )
    {
        var first = arc[0];
        var missing = arc.Select(p => p.Key).Distinct().Where(k => !available.ContainsKey(k)).ToList();
        var currents = arc.Select(p => PinVersion.Parse(p.CurrentVersion)).ToList();
        if (missing.Count > 0 || currents.Any(c => c is null))
        {
            notes.Add(
                missing.Count > 0
                    ? $"{first.SetAt}: no available versions were given for {string.Join(", ", missing)}; the ARC charts of {first.Cluster} are left as they are"
                    : $"{first.SetAt}: an ARC chart version of {first.Cluster} is not a semantic version; the ARC charts are left as they are"
            );
            return [];
        }

        var common = arc.Select(p => p.Key)
            .Distinct()
            .Select(k =>
                available[k]
                    .Versions.Select(PinVersion.Parse)
                    .OfType<SemanticVersion>()
                    .ToHashSet(VersionComparer.VersionRelease)
            )
            .Aggregate(
                (a, b) =>
                {
                    a.IntersectWith(b);
                    return a;
                }
            );
        var newest = currents.OfType<SemanticVersion>().Max(VersionComparer.VersionRelease)!;
        var aligned = currents.All(c => VersionComparer.VersionRelease.Equals(c, newest));
        var target =
            common.Where(v => PinVersion.Allowed(newest, v, policy)).Max(VersionComparer.VersionRelease)
            ?? (!aligned && common.Contains(newest) ? newest : null);
        if (target is null)
        {
            if (!aligned)
            {
                notes.Add(
                    $"{first.SetAt}: the ARC charts of {first.Cluster} differ ({string.Join(", ", arc.Select(p => $"{p.Component} {p.CurrentVersion}"))}) "
                        + $"and no version that both charts have is allowed; align them by hand"
                );
            }

            return [];
        }

        return arc.Where(p => !VersionComparer.VersionRelease.Equals(PinVersion.Parse(p.CurrentVersion), target))
            .Select(p =>
            {
                var versions = available[p.Key];
                var tag = PinVersion.TagOf(target, versions.Versions, p.CurrentVersion)!;
                return new PinChange(
                    p,
                    p.CurrentVersion,
                    tag,
                    null,
                    null,
                    PinVersion.Step(PinVersion.Parse(p.CurrentVersion), target),
                    versions.ReleaseNotesOf(tag)
                );
            })
            .ToList();
    }

    private static SemanticVersion? Highest(IEnumerable<string> tags, Func<SemanticVersion, bool> allowed) =>
        tags.Select(PinVersion.Parse).OfType<SemanticVersion>().Where(allowed).Max(VersionComparer.VersionRelease);
}
