using System.Runtime.CompilerServices;

namespace GitOpsRunners.Engine;

/// <summary>What follows <see cref="ITargetDefinition.Requires"/>: the rest of the declaration, or a condition on the requirement.</summary>
public interface IRequirementDefinition : ITargetDefinition
{
    /// <summary>
    /// The requirement just declared holds only when <paramref name="condition"/> does, e.g.
    /// <c>.Requires(() => GitHubToken).When(() => Pr)</c>. Evaluated with the resolved parameters, before anything
    /// runs; a missing value is reported like any other missing requirement, naming the condition.
    /// </summary>
    ITargetDefinition When(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string expression = "");
}
