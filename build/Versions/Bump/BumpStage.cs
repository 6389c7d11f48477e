using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// Which cluster Bump may change: new versions land in the first stage of the promotion order and reach later
/// stages only through Promote. Bumping a later stage directly needs <c>--force</c> with a reason, which the
/// commit message and the pull request carry.
/// </summary>
public static class BumpStage
{
    /// <summary>
    /// Refuses (usage error, one line) a later stage without <c>--force</c>, and a <c>--force</c> without a
    /// reason; returns the reason to record, or null when nothing is forced. Without an <paramref name="order"/>
    /// (no promotion.yaml) every cluster may be bumped.
    /// </summary>
    public static string? Check(PromotionOrder? order, string cluster, bool force, string? reason)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (force && trimmed is null)
        {
            throw new UsageException(
                "--force needs --force-reason \"<why>\": the reason goes into the commit message and the pull request."
            );
        }

        if (!force && reason is not null)
        {
            throw new UsageException(
                "--force-reason is used only with --force (bumping a later stage of the promotion order directly)."
            );
        }

        var index = order?.IndexOf(cluster) ?? 0;
        if (order is null || index == 0 || force)
        {
            return trimmed;
        }

        throw new UsageException(
            $"{cluster} is stage {index + 1} of the promotion order ({string.Join(" -> ", order.Stages)}, {order.Location.File}): "
                + $"Bump changes only {order.First}; carry its versions on with ./build.sh Promote --from {order.Stages[index - 1]}, "
                + "or bump this stage anyway with --force --force-reason \"<why>\"."
        );
    }

    /// <summary>The line that the commit message and the pull request carry for a forced bump.</summary>
    public static string ForcedNote(string cluster, string reason) =>
        $"Bumped in {cluster} directly, past the promotion order (--force): {reason}";
}
