using GitOpsRunners.Validation.Diff;
using GitOpsRunners.Versions.Delivery;

namespace GitOpsRunners.Promotion;

/// <summary>
/// What a Promote run did: the draft (route, plan), the gate results, the rendered diff of the target cluster
/// (null when there was nothing to promote) and what the delivery wrote or published.
/// </summary>
public sealed record PromotionOutcome(
    PromotionDraft Draft,
    IReadOnlyList<GateResult> Gates,
    DiffReport? Diff,
    DeliveryResult Delivered
)
{
    public bool UpToDate => Draft.Plan.IsEmpty;
}
