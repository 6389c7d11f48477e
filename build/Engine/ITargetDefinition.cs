using System.Runtime.CompilerServices;

namespace GitOpsRunners.Engine;

/// <summary>The fluent vocabulary of a target declaration.</summary>
public interface ITargetDefinition
{
    /// <summary>One sentence shown by <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Targets that must run (and succeed) before this one; they join the plan.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Ordering only: when both are planned, this target runs after <paramref name="targets"/>.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Ordering only: when both are planned, this target runs before <paramref name="targets"/>.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>
    /// A parameter that must have a value, e.g. <c>.Requires(() => Cluster)</c>. Checked for every planned
    /// target before anything runs; null, empty strings and empty arrays count as missing. Follow it with
    /// <see cref="IRequirementDefinition.When"/> when the value is needed only with another parameter.
    /// </summary>
    IRequirementDefinition Requires(
        Func<object?> parameter,
        [CallerArgumentExpression(nameof(parameter))] string expression = ""
    );

    /// <summary>Evaluated just before the target runs; when false the target is skipped, with the expression as reason.</summary>
    ITargetDefinition OnlyWhen(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string expression = ""
    );

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
