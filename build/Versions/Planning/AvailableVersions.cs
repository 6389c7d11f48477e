namespace GitOpsRunners.Versions.Planning;

/// <summary>
/// What a registry offers for one pin key: the tags (any order; tags that are not semantic versions are
/// ignored), for images the digest of each tag, and for charts a release-notes URL per version.
/// </summary>
public sealed record AvailableVersions(
    IReadOnlyList<string> Versions,
    IReadOnlyDictionary<string, string>? Digests = null,
    IReadOnlyDictionary<string, string>? ReleaseNotes = null
)
{
    public string? DigestOf(string tag) =>
        Digests is not null && Digests.TryGetValue(tag, out var digest) ? digest : null;

    public string? ReleaseNotesOf(string tag) =>
        ReleaseNotes is not null && ReleaseNotes.TryGetValue(tag, out var url) ? url : null;
}
