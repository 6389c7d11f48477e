namespace GitOpsRunners.Engine;

/// <summary>Collects one target's declaration; <see cref="TargetDiscovery"/> turns it into a <see cref="BuildTarget"/>.</summary>
internal sealed class TargetBuilder : IRequirementDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Target> Dependencies { get; } = [];
    public List<Target> Predecessors { get; } = [];
    public List<Target> Successors { get; } = [];
    public List<TargetRequirement> Requirements { get; } = [];
    public List<TargetCondition> Conditions { get; } = [];
    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets)
    {
        Dependencies.AddRange(targets);
        return this;
    }

    public ITargetDefinition After(params Target[] targets)
    {
        Predecessors.AddRange(targets);
        return this;
    }

    public ITargetDefinition Before(params Target[] targets)
    {
        Successors.AddRange(targets);
        return this;
    }

    public IRequirementDefinition Requires(Func<object?> parameter, string expression = "")
    {
        Requirements.Add(new TargetRequirement(expression, parameter));
        return this;
    }

    public ITargetDefinition When(Func<bool> condition, string expression = "")
    {
        if (Requirements.Count == 0)
        {
            throw new InvalidOperationException("When(...) conditions a requirement: call Requires(...) first.");
        }

        Requirements[^1] = Requirements[^1] with { When = new TargetCondition(expression, condition) };
        return this;
    }

    public ITargetDefinition OnlyWhen(Func<bool> condition, string expression = "")
    {
        Conditions.Add(new TargetCondition(expression, condition));
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        Actions.Add(_ =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        Actions.Add(_ => action());
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        Actions.Add(action);
        return this;
    }
}
