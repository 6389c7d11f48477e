namespace GitOpsRunners.Engine;

/// <summary>The targets to run, dependencies first.</summary>
public sealed record ExecutionPlan(IReadOnlyList<PlannedTarget> Steps)
{
    public IEnumerable<string> Names => Steps.Select(s => s.Name);
}
