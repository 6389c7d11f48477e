namespace GitOpsRunners.Versions.Delivery;

/// <summary>
/// How a planned change leaves the build: <see cref="DryRun"/> prints it (and, with <see cref="Pr"/>, the pull
/// requests it would publish), <see cref="Pr"/> publishes branches and pull requests, and otherwise the working
/// tree is written.
/// </summary>
public sealed record DeliveryOptions(bool DryRun, bool Pr)
{
    /// <summary>Branches are pushed and pull requests opened: <c>--pr</c> without <c>--dry-run</c>.</summary>
    public bool Publishes => Pr && !DryRun;
}
