using GitOpsRunners.Engine;

namespace GitOpsRunners.Smoke;

/// <summary>The last verdict of a smoke run, with the Warning events of the objects that did not pass.</summary>
public sealed record SmokeReport(
    string Cluster,
    IReadOnlyList<CheckResult> Results,
    bool TimedOut,
    TimeSpan Elapsed,
    IReadOnlyList<ClusterEvent> Events
)
{
    public bool Passed => Results.Count > 0 && Results.All(r => r.State == CheckState.Pass);

    public int ExitCode => Passed ? ExitCodes.Success : ExitCodes.TargetFailed;

    public IReadOnlyList<CheckResult> NotPassed => Results.Where(r => r.State != CheckState.Pass).ToList();

    public string Summary
    {
        get
        {
            var passed = Results.Count(r => r.State == CheckState.Pass);
            var failed = Results.Count(r => r.State == CheckState.Fail);
            var pending = Results.Count(r => r.State == CheckState.Pending);
            var text = $"{passed} passed, {failed} failed, {pending} pending";
            return TimedOut ? $"{text} (timed out after {SmokeDurations.Format(Elapsed)})" : text;
        }
    }

    public IEnumerable<ClusterEvent> EventsFor(string? objectId) =>
        objectId is null ? [] : Events.Where(e => e.InvolvedId == objectId);
}
