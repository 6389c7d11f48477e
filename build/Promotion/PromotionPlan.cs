using GitOpsRunners.Versions.Editing;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Promotion;

/// <summary>
/// The outcome of <see cref="PromotionPlanner.Plan"/>: the target cluster's pins that take the source
/// cluster's values, the edits to the target's files, and the source pins the target does not have
/// (<see cref="Missing"/>: reported, never created).
/// </summary>
public sealed record PromotionPlan(
    string From,
    string To,
    IReadOnlyList<PinChangeGroup> Groups,
    IReadOnlyList<YamlFileEdit> Edits,
    IReadOnlyList<VersionPin> Missing,
    IReadOnlyList<string> Notes
)
{
    public bool IsEmpty => Edits.Count == 0;

    public IEnumerable<PinChange> Changes => Groups.SelectMany(g => g.Changes);
}
