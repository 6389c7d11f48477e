using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Versions.Lookup;

/// <summary>
/// What <see cref="VersionLookup"/> found: versions (and digests, release notes) per pin key, the keys whose
/// look-up failed, and warnings worth a person's attention (such as a runner image behind actions/runner).
/// </summary>
public sealed record LookupResult(
    IReadOnlyDictionary<PinKey, AvailableVersions> Available,
    IReadOnlyList<LookupFailure> Failures,
    IReadOnlyList<string> Warnings
)
{
    public bool Succeeded => Failures.Count == 0;
}
