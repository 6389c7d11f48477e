using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Versions.Planning;

/// <summary>
/// What a bump may do. <see cref="PreRelease"/> admits pre-release versions in general; without it a
/// pre-release is still chosen when the current version is a pre-release of the same major.minor.patch
/// (moving <c>1.3.0-rc.1</c> to <c>1.3.0-rc.2</c> or <c>1.3.0</c>). <see cref="Only"/> narrows the bump to
/// one component (full or its last path segment, e.g. <c>actions-runner</c>), variable or group
/// (<c>arc</c>; naming either ARC chart selects both).
/// </summary>
public sealed record BumpPolicy(VersionBump Allow = VersionBump.Minor, bool PreRelease = false, string? Only = null)
{
    public bool Selects(VersionPin pin) => Only is null || Names(pin, Only);

    internal static bool Names(VersionPin pin, string only) =>
        string.Equals(pin.Component, only, StringComparison.OrdinalIgnoreCase)
        || string.Equals(pin.Component.Split('/')[^1], only, StringComparison.OrdinalIgnoreCase)
        || string.Equals(pin.GroupName, only, StringComparison.OrdinalIgnoreCase)
        || string.Equals(pin.Variable, only, StringComparison.OrdinalIgnoreCase);
}
