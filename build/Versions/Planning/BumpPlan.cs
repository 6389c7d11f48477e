using GitOpsRunners.Versions.Editing;

namespace GitOpsRunners.Versions.Planning;

/// <summary>
/// The outcome of <see cref="BumpPlanner.Plan"/>: changes grouped by <c>arc</c> or component, the YAML
/// edits per file (a variable shared by several pins is edited once), and notes on pins that could not be
/// bumped (no versions known, no common ARC version, no source line to edit).
/// </summary>
public sealed record BumpPlan(
    IReadOnlyList<PinChangeGroup> Groups,
    IReadOnlyList<YamlFileEdit> Edits,
    IReadOnlyList<string> Notes
)
{
    public bool IsEmpty => Edits.Count == 0;

    public IEnumerable<PinChange> Changes => Groups.SelectMany(g => g.Changes);
}
