using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Promotion;

/// <summary>One step of the promotion order: the pins of <see cref="From"/> move to <see cref="To"/>.</summary>
public sealed record PromotionRoute(string From, string To)
{
    /// <summary>The one branch (and so the one pull request) of this step, whatever is promoted.</summary>
    public string Branch => $"promote/{From}-to-{To}";

    /// <summary>
    /// The step from <paramref name="from"/> to <paramref name="to"/> (default: the next stage). Going backwards,
    /// skipping a stage or naming a cluster outside the order is a <see cref="UsageException"/>.
    /// </summary>
    public static PromotionRoute Resolve(PromotionOrder order, string from, string? to)
    {
        ArgumentNullException.ThrowIfNull(order);
        var fromIndex = order.IndexOf(from);
        var next = order.Next(from);
        var target =
            to
            ?? next
            ?? throw new UsageException(
                $"{from} is the last stage of the promotion order in {order.Location.File} ({Describe(order)}); nothing comes after it."
            );
        var toIndex = order.IndexOf(target);
        if (toIndex == fromIndex)
        {
            throw new UsageException(
                $"--from and --to both name {from}; promotion moves pins to the next stage ({next ?? "none"})."
            );
        }

        if (toIndex < fromIndex)
        {
            throw new UsageException(
                $"Refusing to promote from {from} back to {target}: the order in {order.Location.File} is {Describe(order)}. Change {target} through its own stage instead."
            );
        }

        if (toIndex > fromIndex + 1)
        {
            throw new UsageException(
                $"Refusing to promote from {from} to {target}: it would skip {string.Join(", ", order.Stages.Skip(fromIndex + 1).Take(toIndex - fromIndex - 1))} in the order {Describe(order)}. Promote to {next} first."
            );
        }

        return new PromotionRoute(from, target);
    }

    private static string Describe(PromotionOrder order) => string.Join(" -> ", order.Stages);
}
