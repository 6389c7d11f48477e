using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Versions.Bump;

/// <summary>How changes read in tables, titles and commit messages: versions with short digests.</summary>
public static class BumpText
{
    /// <summary><c>2.337.0@sha256:8b8e8326b5a0</c>: the version with the digest cut to 12 hex digits.</summary>
    public static string Version(string version, string? digest)
    {
        if (digest is null)
        {
            return version;
        }

        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        var shortDigest = colon >= 0 && digest.Length > colon + 13 ? digest[..(colon + 13)] : digest;
        return version.Length == 0 ? shortDigest : $"{version}@{shortDigest}";
    }

    public static string From(PinChange change) => Version(change.From, change.FromDigest);

    public static string To(PinChange change) => Version(change.To, change.ToDigest);

    public static string Type(PinChange change) => change.UpdateType.ToString().ToLowerInvariant();

    /// <summary>The changes of a group, one per component and step (two fields set by one variable give one row).</summary>
    public static IReadOnlyList<PinChange> Distinct(IEnumerable<PinChange> changes) =>
        changes.GroupBy(c => (c.Pin.Component, c.From, c.To, c.FromDigest, c.ToDigest)).Select(g => g.First()).ToList();

    /// <summary><c>Bump arc to 0.16.0 in cluster</c>, or <c>Update actions-runner 2.337.0 digest in cluster</c>.</summary>
    public static string Title(string cluster, PinChangeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var name = BumpBranch.ShortName(group.Name);
        var targets = group.Changes.Select(c => c.To).Distinct(StringComparer.Ordinal).ToList();
        if (group.Changes.All(c => c.UpdateType == UpdateType.Digest))
        {
            return $"Update {name} {targets[0]} digest in {cluster}";
        }

        return targets.Count == 1 ? $"Bump {name} to {targets[0]} in {cluster}" : $"Bump {name} in {cluster}";
    }

    /// <summary>Title, one line per change, the lines that set the pins and, for a forced bump, its reason.</summary>
    public static string CommitMessage(string cluster, PinChangeGroup group, string? forceReason = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        var lines = Distinct(group.Changes).Select(c => $"- {c.Pin.Component}: {From(c)} -> {To(c)} ({Type(c)})");
        var sites = group
            .Changes.Select(c =>
                c.Pin.Site?.Location.ToString() + (c.Pin.Variable is null ? "" : $" ({c.Pin.Variable})")
            )
            .Distinct(StringComparer.Ordinal);
        var forced = forceReason is null ? "" : $"\n{BumpStage.ForcedNote(cluster, forceReason)}\n";
        return $"{Title(cluster, group)}\n\n{string.Join('\n', lines)}\n\nSet at {string.Join(", ", sites)}.\n{forced}";
    }
}
