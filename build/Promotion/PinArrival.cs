using GitOpsRunners.Git;
using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Promotion;

/// <summary>
/// When the current value of a source pin reached the default branch: the newest commit that changed its line,
/// or null when the default branch does not hold that value (yet).
/// </summary>
public sealed record PinArrival(VersionPin Pin, FileRevision? Revision)
{
    public string Name => Pin.Variable ?? Pin.Component;

    public string Value => Pin.CurrentDigest is null ? Pin.CurrentVersion : $"{Pin.CurrentVersion}@{Pin.CurrentDigest}";
}
