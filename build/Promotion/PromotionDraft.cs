using GitOpsRunners.Rendering;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;

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
    /// <summary>The source pins whose values the plan carries over (matched as the planner matches them).</summary>
    public IReadOnlyList<VersionPin> PromotedSourcePins
    {
        get
        {
            var moving = Plan.Changes.Select(c => Identity(c.Pin)).ToHashSet();
            return SourcePins.Where(p => moving.Contains(Identity(p))).ToList();
        }
    }

    private static (string, PinKind, string) Identity(VersionPin pin) =>
        (pin.Component, pin.Kind, pin.Variable ?? pin.Field);
}
