namespace GitOpsRunners.Engine.Testing;

/// <summary>Counts of one test run; printed as <c>12 passed, 0 failed, 1 skipped</c>.</summary>
public sealed record TestRunSummary(int Passed, int Failed, int Skipped)
{
    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
