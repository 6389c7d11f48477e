using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Versions.Lookup;

/// <summary>
/// One line of the Versions table: a pin, and with <c>--check</c> the newest version its source offers
/// (<see cref="Newest"/>) or why that is unknown (<see cref="Problem"/>), and the change Bump would make under the
/// current policy (<see cref="Bump"/>; null when Bump would leave the pin as it is).
/// </summary>
public sealed record VersionRow(
    VersionPin Pin,
    string? Newest = null,
    string? Problem = null,
    Planning.PinChange? Bump = null
)
{
    public bool IsBehind =>
        Newest is not null
        && Planning.PinVersion.Parse(Newest) is { } newest
        && Planning.PinVersion.Parse(Pin.CurrentVersion) is { } current
        && NuGet.Versioning.VersionComparer.VersionRelease.Compare(newest, current) > 0;

    public static string KindName(PinKind kind) =>
        kind switch
        {
            PinKind.HelmChartOci => "Helm chart (OCI)",
            PinKind.HelmChartHttp => "Helm chart (HTTP repository)",
            PinKind.ContainerImage => "container image",
            _ => "Git tag",
        };
}
