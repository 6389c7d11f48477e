using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Versions.Planning;

/// <summary>One pin moving from one version (and digest) to another.</summary>
public sealed record PinChange(
    VersionPin Pin,
    string From,
    string To,
    string? FromDigest,
    string? ToDigest,
    UpdateType UpdateType,
    string? ReleaseNotesUrl = null
)
{
    public override string ToString() =>
        UpdateType == UpdateType.Digest
            ? $"{Pin.Component} {From} digest {FromDigest} -> {ToDigest} ({Pin.SetAt})"
            : $"{Pin.Component} {From} -> {To} {UpdateType.ToString().ToLowerInvariant()} ({Pin.SetAt})";
}
