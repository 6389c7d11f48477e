using NuGet.Versioning;

namespace GitOpsRunners.Versions.Planning;

/// <summary>
/// Reads tags as semantic versions (SemVer 2.0, three parts): a leading <c>v</c> is allowed and Helm's
/// <c>_</c> for <c>+</c> in OCI tags is undone. Other tags (<c>latest</c>, <c>2.3</c>, ranges) are not versions.
/// </summary>
internal static class PinVersion
{
    public static SemanticVersion? Parse(string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return null;
        }

        var text = tag[0] is 'v' or 'V' ? tag[1..] : tag;
        return
            SemanticVersion.TryParse(text, out var version)
            || SemanticVersion.TryParse(text.Replace('_', '+'), out version)
            ? version
            : null;
    }

    public static UpdateType Step(SemanticVersion? from, SemanticVersion? to) =>
        (from, to) switch
        {
            (null, _) or (_, null) => UpdateType.Major,
            _ when from.Major != to.Major => UpdateType.Major,
            _ when from.Minor != to.Minor => UpdateType.Minor,
            _ => UpdateType.Patch,
        };

    /// <summary>Whether <paramref name="candidate"/> is newer than <paramref name="current"/> and allowed by the policy.</summary>
    public static bool Allowed(SemanticVersion current, SemanticVersion candidate, BumpPolicy policy)
    {
        if (VersionComparer.VersionRelease.Compare(candidate, current) <= 0)
        {
            return false;
        }

        var inLine = policy.Allow switch
        {
            VersionBump.Patch => candidate.Major == current.Major && candidate.Minor == current.Minor,
            VersionBump.Minor => candidate.Major == current.Major,
            _ => true,
        };
        var sameRelease =
            candidate.Major == current.Major && candidate.Minor == current.Minor && candidate.Patch == current.Patch;
        return inLine && (!candidate.IsPrerelease || policy.PreRelease || (current.IsPrerelease && sameRelease));
    }

    /// <summary>The tag that spells <paramref name="version"/>, preferring the same <c>v</c> prefix as <paramref name="like"/>.</summary>
    public static string? TagOf(SemanticVersion version, IEnumerable<string> tags, string like)
    {
        var prefixed = like.StartsWith('v') || like.StartsWith('V');
        return tags.Where(t => VersionComparer.VersionRelease.Equals(Parse(t), version))
            .OrderBy(t => (t.StartsWith('v') || t.StartsWith('V')) == prefixed ? 0 : 1)
            .ThenBy(t => t, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
