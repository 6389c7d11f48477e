using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Promotion;

/// <summary>
/// Carries pins from one cluster to the next (pure). Pins match by their <see cref="PinIdentity"/>: component,
/// kind and the variable (or, for literal values, the object field) that sets them. Where the version or digest differs, the
/// target cluster's own line is edited to the source's value. Only pins move, never other settings.
/// <c>only</c> narrows to a component, variable or group; naming an ARC chart moves both ARC charts.
/// Source pins the target lacks are listed in <see cref="PromotionPlan.Missing"/>, never created.
/// </summary>
public static class PromotionPlanner
{
    public static PromotionPlan Plan(IReadOnlyList<VersionPin> from, IReadOnlyList<VersionPin> to, string? only)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var selected = from.Where(p => only is null || Selects(from, p, only)).ToList();
        var targets = to.ToLookup(p => p.Identity);
        var changes = new List<PinChange>();
        var missing = new List<VersionPin>();
        var notes = new List<string>();
        foreach (var source in selected)
        {
            var matches = targets[source.Identity].ToList();
            if (matches.Count == 0)
            {
                missing.Add(source);
            }

            foreach (var target in matches)
            {
                if (Change(source, target, notes) is { } change)
                {
                    changes.Add(change);
                }
            }
        }

        var editable = changes.Where(c => BumpPlanner.Editable(c, notes)).ToList();
        return new PromotionPlan(
            from.FirstOrDefault()?.Cluster ?? "",
            to.FirstOrDefault()?.Cluster ?? "",
            BumpPlanner.Group(editable),
            PinEdits.For(editable),
            missing,
            notes
        );
    }

    private static bool Selects(IReadOnlyList<VersionPin> all, VersionPin pin, string only) =>
        BumpPolicy.Names(pin, only)
        || (
            pin.Group == VersionPin.ArcGroup
            && all.Any(p => p.Group == VersionPin.ArcGroup && BumpPolicy.Names(p, only))
        );

    private static PinChange? Change(VersionPin source, VersionPin target, List<string> notes)
    {
        var tracksDigest = target.CurrentDigest is not null || target.DigestSite is not null;
        var toDigest = tracksDigest ? source.CurrentDigest : target.CurrentDigest;
        if (source.CurrentVersion == target.CurrentVersion && toDigest == target.CurrentDigest)
        {
            return null;
        }

        if (tracksDigest && source.CurrentDigest is null && !target.DigestInSite)
        {
            notes.Add(
                $"{target.SetAt}: {source.Cluster} has no digest for {source.Component}; the digest of {target.Cluster} is kept"
            );
            toDigest = target.CurrentDigest;
        }

        var from = PinVersion.Parse(target.CurrentVersion);
        var to = PinVersion.Parse(source.CurrentVersion);
        if (from is not null && to is not null && to < from)
        {
            notes.Add(
                $"{target.SetAt}: {target.Component} goes down from {target.CurrentVersion} to {source.CurrentVersion}, the version of {source.Cluster}"
            );
        }

        var type = source.CurrentVersion == target.CurrentVersion ? UpdateType.Digest : PinVersion.Step(from, to);
        return new PinChange(
            target,
            target.CurrentVersion,
            source.CurrentVersion,
            target.CurrentDigest,
            toDigest,
            type
        );
    }
}
