namespace GitOpsRunners.Engine;

/// <summary>One step of an <see cref="ExecutionPlan"/>; <see cref="SkipReason"/> is set when <c>--skip</c> named it.</summary>
public sealed record PlannedTarget(BuildTarget Target, bool Invoked, string? SkipReason = null)
{
    public string Name => Target.Name;
    public bool Skipped => SkipReason is not null;
}
