using System.Diagnostics.CodeAnalysis;
using NuGet.Versioning;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Reads registry tags as semantic versions (SemVer 2.0, strict: exactly MAJOR.MINOR.PATCH, then an
/// optional <c>-pre.release</c> and <c>+build</c>), with an optional leading <c>v</c>.
/// Everything else is not a version and is ignored: <c>latest</c>, <c>sha-abc1234</c>, <c>2.330</c>,
/// <c>1.2.3.4</c>, <c>1.2.3_build</c> (unless mapped by <see cref="HelmOci.TagToVersion"/> first).
/// A suffix such as <c>2.330.0-ubuntu</c> is valid SemVer and therefore a pre-release: it is kept only
/// when pre-releases are asked for, which keeps OS/variant tags out of normal bumps.
/// </summary>
public static class VersionTags
{
    public static bool TryParse(string? tag, [NotNullWhen(true)] out NuGetVersion? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(tag))
            return false;
        var text = tag.Length > 1 && (tag[0] == 'v' || tag[0] == 'V') && char.IsAsciiDigit(tag[1]) ? tag[1..] : tag;
        return NuGetVersion.TryParseStrict(text, out version);
    }

    /// <summary>
    /// The tags that are versions, newest first; pre-releases only when <paramref name="includePrerelease"/>.
    /// <paramref name="tagToVersion"/> maps a tag to its version text first (e.g. <see cref="HelmOci.TagToVersion"/>).
    /// Tags of equal precedence (<c>v1.2.3</c> and <c>1.2.3</c>, or <c>1.2.3+a</c>) are ordered by tag text, so the result
    /// does not depend on the registry's order.
    /// </summary>
    public static IReadOnlyList<TaggedVersion> Parse(
        IEnumerable<string> tags,
        bool includePrerelease = false,
        Func<string, string>? tagToVersion = null
    )
    {
        ArgumentNullException.ThrowIfNull(tags);
        var versions = new List<TaggedVersion>();
        foreach (var tag in tags)
        {
            if (
                TryParse(tagToVersion is null ? tag : tagToVersion(tag), out var version)
                && (includePrerelease || !version.IsPrerelease)
            )
                versions.Add(new TaggedVersion(tag, version));
        }

        return
        [
            .. versions
                .OrderByDescending(v => v.Version, VersionComparer.VersionRelease)
                .ThenBy(v => v.Tag, StringComparer.Ordinal),
        ];
    }

    /// <summary>The newest version among <paramref name="tags"/>, or null when none is one.</summary>
    public static TaggedVersion? Latest(
        IEnumerable<string> tags,
        bool includePrerelease = false,
        Func<string, string>? tagToVersion = null
    ) => Parse(tags, includePrerelease, tagToVersion).FirstOrDefault();
}
