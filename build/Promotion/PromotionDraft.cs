using GitOpsRunners.Rendering;
using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Promotion;

/// <summary>
/// A planned promotion: the plan, the source cluster's pins, the target cluster as rendered before the edits,
/// and the commit the pins were read at.
/// </summary>
public sealed record PromotionDraft(
    PromotionRoute Route,
    string SourceSha,
    PromotionPlan Plan,
    IReadOnlyList<VersionPin> SourcePins,
    RenderedCluster TargetBefore
)
{
    /// <summary>The source pins whose values the plan carries over (matched by <see cref="PinIdentity"/>, as the planner matches them).</summary>
    public IReadOnlyList<VersionPin> PromotedSourcePins
    {
        get
        {
            var moving = Plan.Changes.Select(c => c.Pin.Identity).ToHashSet();
            return SourcePins.Where(p => moving.Contains(p.Identity)).ToList();
        }
    }
}
