namespace GitOpsRunners.Engine;

/// <summary>A target after discovery: its name and the names of the targets it relates to.</summary>
public sealed record BuildTarget(string Name)
{
    public string Description { get; init; } = "";
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    public IReadOnlyList<string> After { get; init; } = [];
    public IReadOnlyList<string> Before { get; init; } = [];
    public IReadOnlyList<TargetRequirement> Requirements { get; init; } = [];
    public IReadOnlyList<TargetCondition> Conditions { get; init; } = [];
    public IReadOnlyList<Func<CancellationToken, Task>> Actions { get; init; } = [];
}
