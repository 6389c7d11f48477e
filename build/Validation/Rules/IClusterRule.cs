using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Rules;

/// <summary>A pure check over one rendered cluster, which declares every rule id it reports.</summary>
public interface IClusterRule
{
    /// <summary>The ids this rule reports, with their default severity, rationale and help.</summary>
    IReadOnlyList<RuleDescriptor> Descriptors { get; }

    IEnumerable<Finding> Check(RuleContext context);
}
