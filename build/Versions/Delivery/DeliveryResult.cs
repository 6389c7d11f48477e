using GitOpsRunners.Git;

namespace GitOpsRunners.Versions.Delivery;

/// <summary>What a delivery did: the files written to the working tree, or the branches and pull requests published (none for a dry run).</summary>
public sealed record DeliveryResult(IReadOnlyList<string> ChangedFiles, IReadOnlyList<ChangeResult> Published)
{
    public static DeliveryResult Nothing { get; } = new([], []);
}
